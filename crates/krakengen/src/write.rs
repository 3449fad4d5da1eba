//! Writing generated files safely.
//!
//! Build pipelines compare generated files with what is checked in, and editors and `cargo` watch
//! mtimes, so a file whose content did not change must not be touched at all. A file that does change
//! must never be seen half-written, even if the process is killed mid-write: the new content goes to a
//! temporary file in the same directory, which is then renamed over the target (a rename within one
//! file system replaces the target atomically).
//!
//! A regeneration at 100× the vendored reference produces over 400 MB of text, so [`StagedFile`]
//! takes a file's text piece by piece as the generator produces it: it compares the pieces with the
//! target as they arrive and, from the first difference on, writes them to a temporary file. Nothing
//! replaces a target until the caller [commits](Staged::commit) every staged file, which it does only
//! when the whole run succeeded; a dropped [`Staged`] removes its temporary file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path` unless the file already holds exactly these bytes.
///
/// Returns `Ok(true)` when the file was written and `Ok(false)` when it was already up to date (its
/// mtime is then left alone). Missing parent directories are created. The write is atomic: readers see
/// either the old content or the new, never a mix, and a failed write leaves the old file in place and
/// no temporary file behind.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    let mut file = StagedFile::new(path.to_path_buf(), false);
    file.push(bytes);
    let staged = file.finish()?;
    let stale = !staged.fresh;
    staged.commit()?;
    Ok(stale)
}

/// The streaming hash of a file's contents that the codegen stamp records (see [`crate::stamp`]):
/// the same whatever pieces the contents arrive in.
#[derive(Clone)]
pub struct ContentHash {
    hasher: std::collections::hash_map::DefaultHasher,
    len: u64,
}

impl Default for ContentHash {
    fn default() -> Self {
        ContentHash { hasher: std::collections::hash_map::DefaultHasher::new(), len: 0 }
    }
}

impl ContentHash {
    /// Adds the next piece of the contents.
    pub fn update(&mut self, bytes: &[u8]) {
        use std::hash::Hasher;
        // `Hasher::write` of the standard SipHash consumes a byte stream: pieces are buffered, so
        // where they are cut does not change the hash (a unit test checks it). The length goes in
        // last, as the contents are not known in advance.
        self.hasher.write(bytes);
        self.len += bytes.len() as u64;
    }

    /// The length of the contents and their hash.
    pub fn finish(&self) -> (u64, u64) {
        use std::hash::Hasher;
        let mut hasher = self.hasher.clone();
        hasher.write_u64(self.len);
        (self.len, hasher.finish())
    }

    /// Hashes the file at `path`, reading it in blocks.
    pub fn of_file(path: &Path) -> io::Result<(u64, u64)> {
        use std::io::Read;
        let mut file = fs::File::open(path)?;
        let mut hash = ContentHash::default();
        let mut block = vec![0u8; BLOCK];
        loop {
            match file.read(&mut block) {
                Ok(0) => return Ok(hash.finish()),
                Ok(n) => hash.update(&block[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// Where a file's formatted text goes, piece by piece and in order, as its segments are joined: a
/// `String`, or a [`StagedFile`] that compares it with the disk and writes it, so that
/// a big file never has to be held whole.
pub trait TextSink: Send {
    /// Appends the next piece of the text.
    fn push_text(&mut self, text: &str);
}

impl TextSink for String {
    fn push_text(&mut self, text: &str) {
        self.push_str(text);
    }
}

impl TextSink for StagedFile {
    fn push_text(&mut self, text: &str) {
        self.push(text.as_bytes());
    }
}

/// One generated file: where it goes and its full contents. Code generators return paths relative
/// to the directory they generate into, with `/` separators; [`crate::project`] resolves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: PathBuf,
    pub contents: String,
}

impl TextSink for GeneratedFile {
    fn push_text(&mut self, text: &str) {
        self.contents.push_str(text);
    }
}

/// The size of the blocks files are read and compared in.
const BLOCK: usize = 64 * 1024;

/// One generated file whose text arrives in pieces ([`StagedFile::push`]), compared with its target
/// as it comes and, unless only checking, written to a temporary file next to the target from the
/// first difference on. [`StagedFile::finish`] says whether the target was fresh and holds the
/// temporary file until it is committed or dropped.
pub struct StagedFile {
    path: PathBuf,
    check: bool,
    /// The target, positioned after the bytes that matched so far; `None` once the text differs or
    /// when there is no readable target.
    target: Option<io::BufReader<fs::File>>,
    /// How many bytes of the text matched the target, while `target` is `Some`.
    matched: u64,
    /// The temporary file, once the text differs (never in check mode).
    temp: Option<(PathBuf, io::BufWriter<fs::File>)>,
    hash: ContentHash,
    /// Scratch space for reading the target.
    buffer: Vec<u8>,
    /// The first write error; later pieces are then dropped and [`StagedFile::finish`] reports it.
    error: Option<io::Error>,
    /// Where the directories this file creates are recorded, when it is staged with others.
    dirs: Option<CreatedDirs>,
    /// In check mode, the generated text from the first difference on (from `matched`, when the
    /// target ended or was missing), up to [`PREVIEW`] bytes, so that a report can show what is stale.
    preview: Vec<u8>,
    /// In check mode, the byte offset of the first difference with the target, once found.
    first_difference: Option<u64>,
}

/// How much of a stale file's new text a check keeps for its report.
const PREVIEW: usize = 16 * 1024;

/// The directories created to hold temporary files, shared by the files staged together, so that a
/// run that commits nothing removes the ones left empty: a failed run must not leave even an empty
/// output directory behind.
#[derive(Debug, Clone, Default)]
pub struct CreatedDirs(std::sync::Arc<std::sync::Mutex<Vec<PathBuf>>>);

impl CreatedDirs {
    /// Creates `dir` and its missing ancestors, recording those that did not exist.
    fn create(&self, dir: &Path) -> io::Result<()> {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(d) = at.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            missing.push(d.to_path_buf());
            at = d.parent();
        }
        fs::create_dir_all(dir)?;
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).extend(missing);
        Ok(())
    }

    /// Removes every recorded directory that is empty, deepest first, and forgets them all.
    pub fn remove_empty(&self) {
        let mut dirs = std::mem::take(&mut *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        for d in dirs {
            let _ = fs::remove_dir(d);
        }
    }

    /// Forgets the recorded directories: what was committed into them stays, and so do they.
    pub fn forget(&self) {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
    }
}

impl StagedFile {
    /// Starts the file at `path`. With `check`, nothing is ever written: the result only says whether
    /// the target holds the text.
    pub fn new(path: PathBuf, check: bool) -> Self {
        if !check {
            remove_abandoned_temps(&path);
        }
        // An unreadable or missing target counts as stale; writing over it reports any real problem.
        let target = fs::File::open(&path).ok().filter(|f| f.metadata().is_ok_and(|m| m.is_file()));
        StagedFile {
            path,
            check,
            target: target.map(|f| io::BufReader::with_capacity(BLOCK, f)),
            matched: 0,
            temp: None,
            hash: ContentHash::default(),
            buffer: Vec::new(),
            error: None,
            dirs: None,
            preview: Vec::new(),
            first_difference: None,
        }
    }

    /// Records the directories this file creates in `dirs` (see [`CreatedDirs`]).
    #[must_use]
    pub fn with_created_dirs(mut self, dirs: CreatedDirs) -> Self {
        self.dirs = Some(dirs);
        self
    }

    /// The path of the target.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds the next piece of the file's text.
    pub fn push(&mut self, bytes: &[u8]) {
        self.hash.update(bytes);
        if self.error.is_some() {
            return;
        }
        if let Some(target) = &mut self.target {
            match same_prefix(target, bytes, &mut self.buffer) {
                Ok(()) => {
                    self.matched += bytes.len() as u64;
                    return;
                }
                Err(equal) if self.check => {
                    // A check writes nothing; it keeps the text from the first difference on.
                    self.target = None;
                    self.first_difference = Some(self.matched + equal as u64);
                    self.keep_preview(&bytes[equal..]);
                    return;
                }
                Err(_) => self.target = None,
            }
        }
        if let Err(e) = self.write_differing(bytes) {
            self.error = Some(e);
        }
    }

    /// Writes a piece that comes after the first difference: on the first one, creates the temporary
    /// file and copies the matching prefix into it from the target.
    fn keep_preview(&mut self, bytes: &[u8]) {
        let room = PREVIEW.saturating_sub(self.preview.len());
        self.preview.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    fn write_differing(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.check {
            self.keep_preview(bytes);
            return Ok(());
        }
        if self.temp.is_none() {
            let dir = parent_dir(&self.path);
            match &self.dirs {
                Some(dirs) => dirs.create(dir)?,
                None => fs::create_dir_all(dir)?,
            }
            let tmp = temp_path(dir, &self.path);
            let file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            let mut writer = io::BufWriter::with_capacity(BLOCK, file);
            // Recorded before copying so that a failed copy still removes the temporary file.
            let result = if self.matched > 0 {
                use std::io::Read;
                fs::File::open(&self.path).and_then(|f| {
                    let copied = io::copy(&mut f.take(self.matched), &mut writer)?;
                    if copied == self.matched {
                        Ok(())
                    } else {
                        Err(io::Error::other(format!("{} changed while it was being compared", self.path.display())))
                    }
                })
            } else {
                Ok(())
            };
            self.temp = Some((tmp, writer));
            result?;
        }
        let (_, writer) = self.temp.as_mut().expect("created above");
        writer.write_all(bytes)
    }

    /// Ends the text. Fails when writing the temporary file failed (which is then removed).
    pub fn finish(mut self) -> io::Result<Staged> {
        let (len, hash) = self.hash.finish();
        let fresh = match self.target.take() {
            // Every piece matched; the target must also end here.
            Some(mut target) => {
                use std::io::Read;
                let mut byte = [0u8; 1];
                matches!(target.read(&mut byte), Ok(0))
            }
            None => false,
        };
        let preview = (!fresh && self.check)
            .then(|| (self.first_difference.unwrap_or(self.matched), std::mem::take(&mut self.preview)));
        let mut staged = Staged { path: self.path.clone(), len, hash, fresh, temp: None, preview };
        if fresh || self.check {
            return Ok(staged);
        }
        // Dropping `self` removes the temporary file.
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        if self.temp.is_none() {
            // The text matched a prefix of a longer target (or was empty with no target).
            self.write_differing(&[])?;
        }
        let (tmp, writer) = self.temp.take().expect("created above");
        // From here the temporary file is `staged`'s, which removes it when dropped.
        staged.temp = Some(tmp);
        let file = writer.into_inner().map_err(io::IntoInnerError::into_error)?;
        // Flushing to disk before the rename means a crash cannot leave an empty file under the
        // target name on file systems that reorder metadata and data writes.
        file.sync_all()?;
        Ok(staged)
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.temp.take() {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// Whether the next `bytes.len()` bytes of `target` equal `bytes`; reads up to the first difference.
///
/// On a difference (or the end of the target), `Err` holds how many bytes of `bytes` matched.
fn same_prefix(target: &mut impl io::Read, bytes: &[u8], buffer: &mut Vec<u8>) -> Result<(), usize> {
    buffer.resize(BLOCK.min(bytes.len()), 0);
    let mut done = 0;
    for piece in bytes.chunks(BLOCK) {
        let read = &mut buffer[..piece.len()];
        let mut n = 0;
        while n < read.len() {
            match target.read(&mut read[n..]) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k,
            }
        }
        let equal = read[..n].iter().zip(piece).take_while(|(a, b)| a == b).count();
        if equal < piece.len() {
            return Err(done + equal);
        }
        done += piece.len();
    }
    Ok(())
}

/// A generated file after its text ended: whether its target was fresh and, if not (and not only
/// checking), the temporary file holding its new contents.
#[derive(Debug)]
pub struct Staged {
    pub path: PathBuf,
    /// The length of the generated contents.
    pub len: u64,
    /// Their [`ContentHash`].
    pub hash: u64,
    /// The target already held exactly these contents.
    pub fresh: bool,
    temp: Option<PathBuf>,
    /// In check mode, for a stale file: where it first differs from the target, and the new text from there.
    preview: Option<(u64, Vec<u8>)>,
}

impl Staged {
    /// For a stale file found in check mode, a short unified diff of its first differences with the
    /// file on disk: at most `max_lines` lines of `-`/`+`, with a line of context either side.
    pub fn diff(&self, max_lines: usize) -> Option<String> {
        let (first, new) = self.preview.as_ref()?;
        let old = match fs::read(&self.path) {
            Ok(old) => old,
            Err(_) => return Some(format!("--- {0} (missing)\n+++ {0} (generated)\n", self.path.display())),
        };
        let first = (*first as usize).min(old.len());
        // Both sides from the start of the line holding the first difference, over as many bytes.
        let line_start = old[..first].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line_no = old[..line_start].iter().filter(|&&b| b == b'\n').count() + 1;
        // A preview shorter than its cap holds the whole rest of the new text, so the old side may
        // show all of its window (lines the disk has beyond the new end); else both cover as much.
        let new_complete = new.len() < PREVIEW;
        let old_end = old.len().min(first + if new_complete { PREVIEW } else { new.len() });
        let complete = old_end == old.len() && new_complete;
        let mut new_part = old[line_start..first].to_vec();
        new_part.extend_from_slice(new);
        Some(unified(&self.path, line_no, &old[line_start..old_end], &new_part, complete, max_lines))
    }

    /// Puts the new contents in place (a rename over the target); does nothing for a fresh file or in
    /// check mode.
    pub fn commit(mut self) -> io::Result<()> {
        match self.temp.take() {
            None => Ok(()),
            Some(tmp) => fs::rename(&tmp, &self.path).inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            }),
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(tmp) = self.temp.take() {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// Writes `bytes` to `path` only if no file exists there, atomically: `Ok(false)` when one does, even if
/// it appeared while this was writing (another process, an editor). For files that belong to the user
/// once written, such as a scaffold, where replacing the user's file would lose their work.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    // Unlike a rename, a hard link fails when the target exists, so the check and the write are one
    // atomic step.
    publish(path, bytes, |tmp, path| match fs::hard_link(tmp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    })
}

/// Writes `bytes` to a fresh temporary file next to `path` (creating missing parent directories),
/// flushes it to disk, and lets `place` put it at `path`; the temporary name is gone afterwards
/// whatever happened.
fn publish(path: &Path, bytes: &[u8], place: impl FnOnce(&Path, &Path) -> io::Result<bool>) -> io::Result<bool> {
    let dir = parent_dir(path);
    fs::create_dir_all(dir)?;
    let tmp = temp_path(dir, path);
    let result = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        // Flushing to disk before the rename means a crash cannot leave an empty file under the
        // target name on file systems that reorder metadata and data writes.
        file.sync_all()?;
        drop(file);
        place(&tmp, path)
    })();
    // After a rename the temporary name no longer exists and this removes nothing.
    let _ = fs::remove_file(&tmp);
    result
}

/// Removes the temporary files that a run killed before it could clean up (SIGKILL, a power cut)
/// left next to `target`: names `.{file name}.{pid}.{n}.tmp`, as [`temp_path`] makes them, whose
/// process no longer exists. A live process's files, this one's included, are never touched, and a
/// name that does not parse is left alone. Only on Linux, where `/proc` tells which processes exist;
/// elsewhere such files stay until removed by hand (they never replace a target).
fn remove_abandoned_temps(target: &Path) {
    #[cfg(target_os = "linux")]
    {
        let Some(name) = target.file_name().and_then(|n| n.to_str()) else { return };
        let Ok(entries) = fs::read_dir(parent_dir(target)) else { return };
        let prefix = format!(".{name}.");
        for entry in entries.flatten() {
            let file = entry.file_name();
            let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)).and_then(|r| r.strip_suffix(".tmp")) else {
                continue;
            };
            let Some((pid, n)) = rest.split_once('.') else { continue };
            let (Ok(pid), Ok(_)) = (pid.parse::<u32>(), n.parse::<u64>()) else { continue };
            if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = target;
}

/// The directory `path` is in, where its temporary files go (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A fresh hidden name next to `target`, unique within this process and across processes.
fn temp_path(dir: &Path, target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// A unified diff of two texts that start at the same line `line_no` of a file, from their first
/// difference: the changed lines of the first [`DIFF_WINDOW`] lines of each side (a longest common
/// subsequence of lines), with one line of context around each change, at most `max_lines` changed
/// lines. Unless `complete` (both windows reach the ends of their texts), a last partial line is not
/// compared and the changes after the last common line are left out.
fn unified(path: &Path, line_no: usize, old: &[u8], new: &[u8], complete: bool, max_lines: usize) -> String {
    let lines = |text: &[u8]| -> Vec<String> {
        let text = String::from_utf8_lossy(text);
        let mut v: Vec<String> = text.split_inclusive('\n').map(|l| l.trim_end_matches('\n').to_string()).collect();
        if !complete && !text.ends_with('\n') && v.len() > 1 {
            v.pop();
        }
        v.truncate(DIFF_WINDOW);
        v
    };
    let (a, b) = (lines(old), lines(new));
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    // The edit script: ' ', '-' or '+' with the line.
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', &a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', &a[i]));
            i += 1;
        } else {
            ops.push(('+', &b[j]));
            j += 1;
        }
    }
    // Windows that stop short of their texts' ends stop at different places: what differs after
    // their last common line is where they stop, not a difference.
    if !complete {
        ops.truncate(ops.iter().rposition(|(c, _)| *c == ' ').map_or(ops.len(), |k| k + 1));
    }
    let changed = |k: usize| ops.get(k).is_some_and(|(c, _)| *c != ' ');
    let mut out = format!("--- {} (on disk)\n+++ {} (generated)\n@@ line {line_no} @@\n", path.display(), path.display());
    let mut shown = 0;
    for (k, (c, line)) in ops.iter().enumerate() {
        let context = *c == ' ' && (changed(k + 1) || (k > 0 && changed(k - 1)));
        if *c != ' ' {
            if shown == max_lines {
                out.push_str("… (more differences follow)\n");
                break;
            }
            shown += 1;
        } else if !context {
            continue;
        }
        out.push_str(&format!("{c}{line}\n"));
    }
    out
}

/// How many lines of each side the diff of a stale file compares.
const DIFF_WINDOW: usize = 400;

#[cfg(test)]
mod tests;
