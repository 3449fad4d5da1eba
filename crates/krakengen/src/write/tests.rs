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
