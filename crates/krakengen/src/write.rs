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
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn writes_new_files_and_creates_parents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/out.txt");
        assert!(write_if_changed(&path, b"hello\n").unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"hello\n");
        assert_eq!(entries(&dir.path().join("a/b")), ["out.txt"], "no temporary file is left behind");
    }

    #[test]
    fn unchanged_content_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        assert!(write_if_changed(&path, b"same").unwrap());
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        // Coarse file-system clocks would hide a rewrite made within the same tick.
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(!write_if_changed(&path, b"same").unwrap());
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
    }

    #[test]
    fn changed_content_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_if_changed(&path, b"old content that is longer").unwrap();
        assert!(write_if_changed(&path, b"new").unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(entries(dir.path()), ["out.txt"]);
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A directory cannot be replaced by a file: the error must reach the caller and nothing may be
        // left next to it.
        let target = dir.path().join("taken");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), b"x").unwrap();
        assert!(write_if_changed(&target, b"data").is_err());
        assert_eq!(entries(dir.path()), ["taken"]);
    }

    /// Stages `pieces` for `path` and finishes.
    fn stage(path: &Path, pieces: &[&[u8]], check: bool) -> Staged {
        let mut file = StagedFile::new(path.to_path_buf(), check);
        pieces.iter().for_each(|p| file.push(p));
        file.finish().unwrap()
    }

    #[test]
    fn staging_in_pieces_finds_fresh_and_stale_targets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        // Bigger than a block, so a piece is compared across several reads of the target.
        let text: Vec<u8> = (0..150_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        fs::write(&path, &text).unwrap();
        let fresh = stage(&path, &[&text[..10], &text[10..100_000], &text[100_000..]], false);
        assert!(fresh.fresh);
        assert_eq!((fresh.len, fresh.hash), ContentHash::of_file(&path).unwrap());
        assert_eq!(entries(dir.path()), ["out.txt"], "a fresh file stages nothing");
        // A difference in the last piece: the matching prefix is copied from the target.
        let mut edited = text.clone();
        edited[140_000] = b'!';
        let stale = stage(&path, &[&edited[..70_000], &edited[70_000..]], false);
        assert!(!stale.fresh);
        assert_eq!(entries(dir.path()).len(), 2, "the new contents wait in a temporary file");
        assert_eq!(fs::read(&path).unwrap(), text, "the target is untouched until the commit");
        stale.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), edited);
        assert_eq!(entries(dir.path()), ["out.txt"]);
        // A text that is a strict prefix of the target is stale too, and the commit truncates.
        let short = stage(&path, &[&edited[..5], &edited[5..1000]], false);
        assert!(!short.fresh);
        short.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), &edited[..1000]);
        // An empty text for a missing file still creates it.
        let empty = dir.path().join("sub/empty.txt");
        let staged = stage(&empty, &[], false);
        assert!(!staged.fresh);
        staged.commit().unwrap();
        assert_eq!(fs::read(&empty).unwrap(), b"");
    }

    #[test]
    fn uncommitted_and_checked_files_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        fs::write(&path, b"old").unwrap();
        let staged = stage(&path, &[b"new ", b"contents"], false);
        assert_eq!(entries(dir.path()).len(), 2);
        drop(staged);
        assert_eq!(entries(dir.path()), ["out.txt"], "dropping an uncommitted file removes its temporary file");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        let checked = stage(&path, &[b"new"], true);
        assert!(!checked.fresh);
        assert_eq!(entries(dir.path()), ["out.txt"], "check mode writes nothing");
        checked.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(stage(&path, &[b"ol", b"d"], true).fresh);
        // A text that stops short of the target before any difference: stale in check mode too.
        assert!(!stage(&path, &[b"ol"], true).fresh);
    }

    /// A temporary file of a process that no longer exists is litter from a killed run and goes; one of
    /// a live process (this one) and unrelated hidden files stay, and check mode removes nothing.
    #[test]
    #[cfg(target_os = "linux")]
    fn abandoned_temporary_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        // Above the kernel's largest process id (2^22), so no process can have it.
        let dead = ".out.txt.4294967295.0.tmp";
        let live = format!(".out.txt.{}.7.tmp", std::process::id());
        // Process 1 exists in every process namespace; its file is not this process's either.
        let other_live = ".out.txt.1.0.tmp";
        for name in [dead, live.as_str(), other_live, ".out.txt.notapid.0.tmp", ".other.txt.4294967295.0.tmp"] {
            fs::write(dir.path().join(name), b"partial").unwrap();
        }
        drop(StagedFile::new(path.clone(), true));
        assert_eq!(entries(dir.path()).len(), 5, "check mode removes nothing");
        stage(&path, &[b"new"], false).commit().unwrap();
        let mut expected =
            vec![".other.txt.4294967295.0.tmp".to_string(), other_live.into(), ".out.txt.notapid.0.tmp".into(), live, "out.txt".into()];
        expected.sort();
        assert_eq!(entries(dir.path()), expected);
    }

    #[test]
    fn write_new_never_replaces_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/resolvers.rs");
        assert!(write_new(&path, b"first").unwrap());
        assert!(!write_new(&path, b"second").unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["resolvers.rs"], "no temporary file is left behind");
    }


    /// The diff of changes given whole: one line of context either side of each change, lines
    /// between changes left out, and the cap on changed lines.
    #[test]
    fn unified_shows_changes_with_one_line_of_context() {
        let p = Path::new("f.rs");
        let head = "--- f.rs (on disk)\n+++ f.rs (generated)\n";
        let old = b"1\n2\n3\n4\n5\n6\n7\n8\n";
        let new = b"1\nX\n3\n4\n5\n6\nY\n8\n";
        assert_eq!(unified(p, 10, old, new, true, 40), format!("{head}@@ line 10 @@\n 1\n-2\n+X\n 3\n 6\n-7\n+Y\n 8\n"));
        assert_eq!(unified(p, 10, old, new, true, 2), format!("{head}@@ line 10 @@\n 1\n-2\n+X\n 3\n 6\n… (more differences follow)\n"));
        // Lines added and removed, at the ends too.
        assert_eq!(unified(p, 1, b"a\nb\nc\n", b"z\na\nc\nd\n", true, 40), format!("{head}@@ line 1 @@\n+z\n a\n-b\n c\n+d\n"));
    }

    /// Windows that stop short of their texts: the last partial line is not compared, and what
    /// differs after the last common line is where the windows stop, not a change.
    #[test]
    fn unified_of_incomplete_windows_stops_at_the_last_common_line() {
        let p = Path::new("f.rs");
        let text = unified(p, 3, b"a\nb\nc\npart", b"a\nB\nc\nother\nmo", false, 40);
        assert_eq!(text, "--- f.rs (on disk)\n+++ f.rs (generated)\n@@ line 3 @@\n a\n-b\n+B\n c\n");
        // Complete, the same texts differ at their ends as well.
        let whole = unified(p, 3, b"a\nb\nc\npart", b"a\nB\nc\nother\nmo", true, 40);
        assert!(whole.ends_with(" c\n-part\n+other\n+mo\n"), "{whole}");
    }

    /// The edit script is a shortest one (a longest common subsequence of lines): a line moved from
    /// the top to the end is one removal and one addition, not every line replaced.
    #[test]
    fn unified_finds_the_fewest_changes() {
        let p = Path::new("f.rs");
        let head = "--- f.rs (on disk)\n+++ f.rs (generated)\n@@ line 1 @@\n";
        assert_eq!(unified(p, 1, b"a\nb\nc\nd\n", b"b\nc\nd\na\n", true, 40), format!("{head}-a\n b\n d\n+a\n"));
        assert_eq!(unified(p, 1, b"x\na\ny\nb\nz\n", b"a\nq\nb\n", true, 40), format!("{head}-x\n a\n-y\n+q\n b\n-z\n"));
    }

    /// Every pair of texts of up to four lines over three words: the diff has exactly as many changed
    /// lines as a shortest edit script (from a longest common subsequence computed here directly).
    #[test]
    fn unified_is_minimal_for_every_small_pair() {
        fn lcs(a: &[&str], b: &[&str]) -> usize {
            match (a.split_first(), b.split_first()) {
                (Some((x, ra)), Some((y, rb))) if x == y => 1 + lcs(ra, rb),
                (Some((_, ra)), Some((_, rb))) => lcs(ra, b).max(lcs(a, rb)),
                _ => 0,
            }
        }
        const WORDS: [&str; 3] = ["x", "y", "z"];
        let texts: Vec<Vec<&str>> =
            (0..=4u32).flat_map(|len| (0..3u32.pow(len)).map(move |n| (0..len).map(|k| WORDS[(n / 3u32.pow(k) % 3) as usize]).collect())).collect();
        for a in &texts {
            for b in &texts {
                let (old, new) = (a.iter().map(|l| format!("{l}\n")).collect::<String>(), b.iter().map(|l| format!("{l}\n")).collect::<String>());
                let shown = unified(Path::new("f"), 1, old.as_bytes(), new.as_bytes(), true, 100);
                let changed = shown.lines().skip(3).filter(|l| l.starts_with('-') || l.starts_with('+')).count();
                assert_eq!(changed, a.len() + b.len() - 2 * lcs(a, b), "{a:?} → {b:?}:\n{shown}");
            }
        }
    }

    /// A window that is one partial line on each side is still compared: there is no later line
    /// for it to go on into.
    #[test]
    fn a_single_partial_line_is_compared() {
        let shown = unified(Path::new("f"), 7, b"abc", b"abd", false, 40);
        assert_eq!(shown, "--- f (on disk)\n+++ f (generated)\n@@ line 7 @@\n-abc\n+abd\n");
    }

    /// In a window that stops short of its text, the last partial line is not compared even when
    /// both sides have the same bytes there: it may go on differently.
    #[test]
    fn an_incomplete_windows_partial_line_is_not_context() {
        let p = Path::new("f.rs");
        let shown = unified(p, 1, b"a\nb\nsame", b"a\nB\nsame", false, 40);
        assert_eq!(shown, "--- f.rs (on disk)\n+++ f.rs (generated)\n@@ line 1 @@\n");
        let whole = unified(p, 1, b"a\nb\nsame", b"a\nB\nsame", true, 40);
        assert!(whole.ends_with(" a\n-b\n+B\n same\n"), "{whole}");
    }

    /// What `codegen --check` shows of a stale file: from the line of the first difference, with
    /// the disk's lines beyond the generated end, and nothing for a fresh or a written file.
    #[test]
    fn the_check_diff_starts_at_the_first_difference() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        fs::write(&path, b"l1\nl2\nl3\n").unwrap();
        let shown = |staged: &Staged| staged.diff(40).map(|d| d.split_once("@@ ").map(|(_, rest)| rest.to_string()).unwrap());
        assert_eq!(shown(&stage(&path, &[b"l1\nX", b"2\nl3\n"], true)).as_deref(), Some("line 2 @@\n-l2\n+X2\n l3\n"));
        // Extra bytes at the disk's end are a difference.
        fs::write(&path, b"l1\nl2\nextra\n").unwrap();
        assert_eq!(shown(&stage(&path, &[b"l1\nl2\n"], true)).as_deref(), Some("line 3 @@\n-extra\n"));
        assert_eq!(stage(&path, &[b"l1\nl2\nextra\n"], true).diff(40), None, "a fresh file has no diff");
        assert_eq!(stage(&path, &[b"other\n"], false).diff(40), None, "only a check keeps a diff");
        let missing = stage(&dir.path().join("gone.txt"), &[b"x\n"], true).diff(40).unwrap();
        assert!(missing.contains("gone.txt (missing)"), "{missing}");
    }

    /// The check's windows: a difference at the first byte compares the disk's text from there too;
    /// a change after a common line at the end of a short file is shown (both windows are whole);
    /// a disk text longer than the window ends in a partial line, which is not compared.
    #[test]
    fn the_check_diff_windows_cover_what_they_should() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let body = |staged: Staged, max: usize| staged.diff(max).unwrap().split_once("@@\n").unwrap().1.to_string();
        fs::write(&path, b"a\nb\n").unwrap();
        assert_eq!(body(stage(&path, &[b"c\nb\n"], true), 40), "-a\n+c\n b\n");
        fs::write(&path, b"a\nb\nc\nd\n").unwrap();
        assert_eq!(body(stage(&path, &[b"a\nX\nc\nY\n"], true), 40), "-b\n+X\n c\n-d\n+Y\n");
        // 200-byte lines: the disk's window (16 KiB past the end of the generated text) ends inside one.
        let line = format!("{}\n", "z".repeat(199));
        fs::write(&path, format!("l1\n{}", line.repeat(120))).unwrap();
        let removed = body(stage(&path, &[b"l1\n"], true), 1000);
        let lines: Vec<&str> = removed.lines().collect();
        assert_eq!(lines.len(), PREVIEW / line.len(), "whole lines only");
        assert!(lines.iter().all(|l| l.len() == line.len()), "{removed}");
    }

    /// A generated text of exactly the preview's size past its first difference may go on, so the
    /// windows are incomplete: the last partial line is not shown.
    #[test]
    fn a_preview_of_exactly_its_cap_is_incomplete() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let line = format!("{}\n", "y".repeat(99));
        let (full, rest) = ((PREVIEW - 2) / line.len(), (PREVIEW - 2) % line.len());
        let text = |first: &str, last: char| format!("x\n{first}\n{}{}", line.repeat(full), last.to_string().repeat(rest));
        fs::write(&path, text("Q", 'O')).unwrap();
        let new = text("P", 'N');
        assert_eq!(new.len() - 2, PREVIEW);
        let diff = stage(&path, &[new.as_bytes()], true).diff(40).unwrap();
        assert!(diff.contains("-Q\n+P\n") && !diff.contains("NNN") && !diff.contains("OOO"), "{diff}");
    }

    /// A check keeps 16 KiB of new text: a second change 3 KB after the first is still shown, and
    /// the disk's side covers as much as the generated one.
    #[test]
    fn the_check_diff_reaches_past_the_first_kilobyte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let lines: Vec<String> = (0..200).map(|i| format!("line {i:03} {}\n", "x".repeat(20))).collect();
        fs::write(&path, lines.concat()).unwrap();
        let mut new = lines.clone();
        new[10] = "changed ten\n".into();
        new[120] = "changed one hundred and twenty\n".into();
        let diff = stage(&path, &[new.concat().as_bytes()], true).diff(40).unwrap();
        assert!(diff.contains("+changed ten\n") && diff.contains("+changed one hundred and twenty\n"), "{diff}");
        assert!(diff.contains(&format!("-{}", lines[120])), "{diff}");
    }

    /// A difference found in a later block of a long piece is placed where it is.
    #[test]
    fn same_prefix_counts_across_blocks() {
        let text: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut edited = text.clone();
        edited[150_001] ^= 1;
        let mut buffer = Vec::new();
        assert_eq!(same_prefix(&mut &text[..], &edited, &mut buffer), Err(150_001));
        assert_eq!(same_prefix(&mut &text[..], &text, &mut buffer), Ok(()));
        assert_eq!(same_prefix(&mut &text[..10], &text[..20], &mut buffer), Err(10), "the target ends first");
    }

    /// A file that cannot be read is an error, not a hash (or a loop: reading a directory fails on
    /// every call).
    #[test]
    fn hashing_an_unreadable_file_fails() {
        let dir = tempfile::tempdir().unwrap();
        assert!(ContentHash::of_file(dir.path()).is_err());
    }

    /// The directories made for a file that is then not committed go, however deep; the empty
    /// directory that was already there stays.
    #[test]
    fn only_the_directories_staging_made_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let existing = dir.path().join("existing");
        fs::create_dir(&existing).unwrap();
        let dirs = CreatedDirs::default();
        let mut file = StagedFile::new(existing.join("new1/new2/out.txt"), false).with_created_dirs(dirs.clone());
        file.push(b"text");
        drop(file.finish().unwrap());
        dirs.remove_empty();
        assert!(existing.is_dir(), "the directory that was there stays");
        assert!(entries(&existing).is_empty(), "{:?}", entries(&existing));
    }

    /// A file dropped before it is finished (an error on the way) leaves no temporary file.
    #[test]
    fn an_unfinished_file_removes_its_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let mut file = StagedFile::new(path, false);
        file.push(b"text");
        assert_eq!(entries(dir.path()).len(), 1, "the text waits in a temporary file");
        drop(file);
        assert!(entries(dir.path()).is_empty());
    }

    #[test]
    fn a_bare_file_name_is_in_the_working_directory() {
        assert_eq!(parent_dir(Path::new("out.txt")), Path::new("."));
        assert_eq!(parent_dir(Path::new("a/out.txt")), Path::new("a"));
    }
}
