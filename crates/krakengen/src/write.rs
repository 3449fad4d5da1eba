//! Writing generated files safely.
//!
//! Build pipelines compare generated files with what is checked in, and editors and `cargo` watch
//! mtimes, so a file whose content did not change must not be touched at all. A file that does change
//! must never be seen half-written, even if the process is killed mid-write: the new content goes to a
//! temporary file in the same directory, which is then renamed over the target (a rename within one
//! file system replaces the target atomically).

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
    if holds(path, bytes)? {
        return Ok(false);
    }
    publish(path, bytes, |tmp, path| fs::rename(tmp, path).map(|()| true))
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
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let tmp = temp_path(&dir, path);
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

/// Whether the file at `path` holds exactly `bytes`; `Ok(false)` when there is no such file.
///
/// The file is compared in small blocks, after its length, rather than read whole: at 100× the
/// vendored reference a generated file is about 200 MB, and reading it next to the new contents
/// would add that much to the peak memory of a regeneration.
pub fn holds(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    use std::io::Read;
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return Ok(false);
    }
    let mut block = vec![0u8; 64 * 1024];
    let mut rest = bytes;
    loop {
        let n = match file.read(&mut block) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(rest.is_empty());
        }
        if n > rest.len() || block[..n] != rest[..n] {
            return Ok(false);
        }
        rest = &rest[n..];
    }
}

/// A fresh hidden name next to `target`, unique within this process and across processes.
fn temp_path(dir: &Path, target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

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
    fn holds_compares_length_and_every_block() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.bin");
        assert!(!holds(&path, b"").unwrap(), "a missing file holds nothing");
        // Longer than one block, so a difference in a later block must be found too.
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&path, &big).unwrap();
        assert!(holds(&path, &big).unwrap());
        let mut late = big.clone();
        late[150_000] ^= 1;
        assert!(!holds(&path, &late).unwrap());
        assert!(!holds(&path, &big[..big.len() - 1]).unwrap());
        fs::write(&path, b"").unwrap();
        assert!(holds(&path, b"").unwrap());
        // A directory holds no file contents; writing over it then fails (see below).
        assert!(!holds(dir.path(), b"").unwrap());
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
}
