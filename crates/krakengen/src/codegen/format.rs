//! Tokens → formatted source: `syn::parse2::<syn::File>` then `prettyplease::unparse`, behind
//! [`super::HEADER`].
//!
//! Parsing the tokens as a file is also the generator's first self-check: tokens that are not valid
//! Rust are a bug in krakengen, reported as an error diagnostic instead of a file that does not build.
//!
//! The vendored reference produces about 4 MB of Rust, and parsing and printing it is most of the
//! generator's time, so big files are described as a list of [`Segment`]s that are parsed and printed
//! on all cores and concatenated. A segment is either a run of top-level items, or a chunk of the
//! body of one large item (`pub mod types { … }`, `impl Client { … }`) wrapped in a copy of that item;
//! its body lines are spliced into one copy of the wrapper. prettyplease prints items one after the
//! other with no separators, and a chunk is printed at the same depth as in the whole file, so the
//! result is byte-identical to formatting the whole file at once (a unit test checks this), and it
//! does not depend on the number of cores: chunk boundaries are fixed by the emitters.
//!
//! A few items grow with the number of error codes and cannot be cut at item boundaries: the
//! `impl ErrorCode` block holds three lists with one entry per code. Formatting such an item whole
//! builds a syntax tree roughly ten times the size of its text, which at 100× the vendored reference
//! was most of the generator's peak memory. Such an item is described as a run of [`Segment::split`]
//! pieces instead: each piece is the whole item with a slice of every list, and each list is
//! bracketed by two [`SPLIT`] sentinel entries. The sentinel lines cut every formatted piece into
//! fixed text (the same in every piece, which is checked) and list text; the file gets the fixed
//! text once with the list texts of all pieces in between. This is byte-identical because
//! prettyplease prints every entry of a list that does not fit on one line on its own line, whatever
//! its neighbours, and the emitters only split lists into pieces far too long for one line.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use proc_macro2::TokenStream;

use super::docs::Marked;
use crate::diag::Diagnostics;
use crate::write::TextSink;
use crate::model::Span;

/// One independently formatted piece of a file.
pub(crate) struct Segment<'a> {
    /// Builds the tokens. A closure rather than tokens because `proc_macro2` tokens cannot cross
    /// threads; each worker builds the tokens it formats.
    pub tokens: Box<dyn Fn() -> TokenStream + Sync + 'a>,
    /// For a chunk of a wrapped body: the wrapper's opening line exactly as prettyplease prints it
    /// (`pub mod types {`). Consecutive chunks with the same opener share one wrapper.
    pub opener: Option<&'static str>,
    /// For a piece of a split item: the item's name. Consecutive pieces with the same name are
    /// joined into one item.
    pub split: Option<&'static str>,
}

/// The identifier of the sentinel entries that bracket each list of a split item (see the module
/// documentation); a formatted line containing it is a sentinel line.
pub(crate) const SPLIT: &str = "__krakengen_split";

impl<'a> Segment<'a> {
    pub(crate) fn items(f: impl Fn() -> TokenStream + Sync + 'a) -> Self {
        Segment { tokens: Box::new(f), opener: None, split: None }
    }

    pub(crate) fn chunk(opener: &'static str, f: impl Fn() -> TokenStream + Sync + 'a) -> Self {
        Segment { tokens: Box::new(f), opener: Some(opener), split: None }
    }

    /// One piece of the item `name`, whose lists are each bracketed by two [`SPLIT`] entries.
    pub(crate) fn split(name: &'static str, f: impl Fn() -> TokenStream + Sync + 'a) -> Self {
        Segment { tokens: Box::new(f), opener: None, split: Some(name) }
    }
}

/// Splits `0..len` into fixed-size ranges (the chunks of a wrapped body).
pub(crate) fn ranges(len: usize, size: usize) -> Vec<std::ops::Range<usize>> {
    (0..len).step_by(size).map(|from| from..(from + size).min(len)).collect()
}

/// Splits `0..len` into `ceil(len / size)` ranges whose lengths differ by at most one, so that no
/// range is much shorter than `size / 2`: the lists of a split item must never fit on one line.
pub(crate) fn balanced_ranges(len: usize, size: usize) -> Vec<std::ops::Range<usize>> {
    let count = len.div_ceil(size.max(1)).max(1);
    (0..count).map(|i| len * i / count..len * (i + 1) / count).collect()
}

fn internal(message: String) -> Diagnostics {
    let mut d = Diagnostics::new();
    d.error(crate::diag::Code::CodegenInternal, Span { file: u32::MAX, ..Span::default() }, message, "");
    d
}

/// Builds tokens with `build` (see [`Marked::build`]), parses and prints them, then writes back
/// what their markers stand for.
fn unparse(build: impl FnOnce() -> TokenStream) -> Result<String, Diagnostics> {
    unparse_marked(Marked::build(build))
}

/// Formats tokens built earlier (or on another thread) as a whole file.
pub(crate) fn rust_file_marked(marked: Marked) -> Result<String, Diagnostics> {
    let body = unparse_marked(marked)?;
    Ok(format!("{}{body}", super::HEADER))
}

/// [`rust_file`] behind `header` instead of the default header.
pub(crate) fn rust_file_headed(build: impl FnOnce() -> TokenStream, header: &str) -> Result<String, Diagnostics> {
    let body = unparse(build)?;
    Ok(format!("{header}{body}"))
}

fn unparse_marked(mut marked: Marked) -> Result<String, Diagnostics> {
    let text = syn::parse2::<syn::File>(marked.take_tokens())
        .map(|file| prettyplease::unparse(&file))
        .map_err(|e| internal(format!("krakengen generated Rust that does not parse ({e}); this is a bug in krakengen")))?;
    marked.splice(text).map_err(|e| internal(format!("{e}; this is a bug in krakengen")))
}

/// Builds tokens with `build` and formats them as a whole file.
pub(crate) fn rust_file(build: impl FnOnce() -> TokenStream) -> Result<String, Diagnostics> {
    rust_file_headed(build, super::HEADER)
}


/// Formats one file's segments in parallel and joins them as described in the module documentation.
#[cfg(test)]
pub(crate) fn rust_file_segments(segments: &[Segment<'_>]) -> Result<String, Diagnostics> {
    rust_files_segments(&[segments], vec![String::new()], super::HEADER).pop().expect("one file in, one file out")
}

/// Formats the segments of several files in one pool of threads (so no core waits at the end of one
/// file while another file has work left) and joins each file's segments into its sink (one per
/// file, in the same order), which it returns; each file starts with `header`.
///
/// Texts are joined as soon as every text before them is formatted, by whichever worker finishes
/// one, so each is freed right after it is handed to its file's sink. Holding all of them until the
/// last one is done, as an earlier version did, kept the whole output in memory twice at the end, and
/// the allocator does not give the freed copy back to the system.
pub(crate) fn rust_files_segments<S: TextSink>(files: &[&[Segment<'_>]], sinks: Vec<S>, header: &str) -> Vec<Result<S, Diagnostics>> {
    assert_eq!(files.len(), sinks.len(), "one sink per file");
    let jobs: Vec<(usize, &Segment<'_>)> =
        files.iter().enumerate().flat_map(|(f, segments)| segments.iter().map(move |s| (f, s))).collect();
    let results: Vec<Mutex<Option<Result<String, Diagnostics>>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    // The first job whose text has not been joined yet, and each file's join so far.
    let joiners: Vec<Joiner<'_, '_, S>> = files.iter().zip(sinks).map(|(segments, sink)| Joiner::new(segments, sink, header)).collect();
    let joined = Mutex::new((0usize, joiners));
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(jobs.len()).max(1);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some((_, segment)) = jobs.get(i) else { break };
        let text = unparse(&segment.tokens);
        *results[i].lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(text);
        // Storing before draining means the worker that finishes the last missing text always
        // finds it, so every text is joined by the time the workers stop.
        let mut guard = joined.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (done, joiners) = &mut *guard;
        while let Some(text) =
            results.get(*done).and_then(|r| r.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take())
        {
            joiners[jobs[*done].0].push(text);
            *done += 1;
        }
    };
    std::thread::scope(|s| {
        for _ in 1..workers {
            s.spawn(work);
        }
        work();
    });
    let (_, joiners) = joined.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    joiners.into_iter().map(Joiner::finish).collect()
}

/// The join of one file's formatted segments, fed their texts in segment order.
struct Joiner<'s, 'a, S> {
    segments: &'s [Segment<'a>],
    /// The index of the segment whose text comes next.
    next: usize,
    out: S,
    /// The opener of the wrapper whose chunks are being joined, whose closing brace is still due.
    open: Option<&'static str>,
    /// The pieces of the split item being joined, until its last one arrives.
    pieces: Vec<String>,
    /// The first failure; later texts are then ignored.
    error: Option<Diagnostics>,
}

impl<'s, 'a, S: TextSink> Joiner<'s, 'a, S> {
    fn new(segments: &'s [Segment<'a>], mut out: S, header: &str) -> Self {
        out.push_text(header);
        Joiner { segments, next: 0, out, open: None, pieces: Vec::new(), error: None }
    }

    fn push(&mut self, text: Result<String, Diagnostics>) {
        let i = self.next;
        self.next += 1;
        if self.error.is_none() {
            if let Err(e) = self.step(i, text) {
                self.error = Some(e);
            }
        }
    }

    fn close(&mut self) {
        if self.open.take().is_some() {
            self.out.push_text("}\n");
        }
    }

    fn step(&mut self, i: usize, text: Result<String, Diagnostics>) -> Result<(), Diagnostics> {
        let segment = &self.segments[i];
        let text = text?;
        if let Some(name) = segment.split {
            self.pieces.push(text);
            if self.segments.get(i + 1).is_none_or(|s| s.split != Some(name)) {
                self.close();
                join_split(&mut self.out, name, std::mem::take(&mut self.pieces))?;
            }
            return Ok(());
        }
        match segment.opener {
            None => {
                self.close();
                self.out.push_text(&text);
            }
            Some(opener) => {
                let start = text
                    .find(&format!("\n{opener}\n"))
                    .map(|i| i + 1)
                    .or_else(|| text.starts_with(&format!("{opener}\n")).then_some(0))
                    .ok_or_else(|| internal(format!("a formatted chunk does not contain the line `{opener}`")))?;
                let body_start = start + opener.len() + 1;
                let body_end = text
                    .strip_suffix("}\n")
                    .filter(|t| t.len() >= body_start)
                    .map(str::len)
                    .ok_or_else(|| internal(format!("a formatted chunk of `{opener}` does not end with its brace")))?;
                if self.open != Some(opener) {
                    self.close();
                    self.out.push_text(&text[..body_start]);
                    self.open = Some(opener);
                }
                self.out.push_text(&text[body_start..body_end]);
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<S, Diagnostics> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.next != self.segments.len() {
            return Err(internal(format!("{} of {} formatted segments were joined", self.next, self.segments.len())));
        }
        self.close();
        Ok(self.out)
    }
}

/// Cuts a formatted piece of a split item at its sentinel lines: fixed text, list text, fixed text,
/// …, fixed text (always an odd number of parts).
fn cut(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line.contains(SPLIT) {
            parts.push(&text[start..line_start]);
            start = line_start + line.len();
        }
        line_start += line.len();
    }
    parts.push(&text[start..]);
    parts
}

/// Appends the item `name` made of its formatted pieces (see the module documentation): the fixed
/// parts once, each list's parts of every piece in order. Pieces whose fixed parts differ, or that
/// have no sentinel lines, are a bug in the emitter that split them.
fn join_split(out: &mut impl TextSink, name: &str, texts: Vec<String>) -> Result<(), Diagnostics> {
    let pieces: Vec<Vec<&str>> = texts.iter().map(|t| cut(t)).collect();
    let Some(first) = pieces.first() else { return Ok(()) };
    if first.len() < 3 || first.len() % 2 == 0 {
        return Err(internal(format!("a formatted piece of `{name}` does not bracket its lists with sentinel lines")));
    }
    if pieces.iter().any(|p| p.len() != first.len() || p.iter().step_by(2).ne(first.iter().step_by(2))) {
        return Err(internal(format!("the formatted pieces of `{name}` differ outside their lists")));
    }
    for (k, fixed) in first.iter().enumerate() {
        if k % 2 == 0 {
            out.push_text(fixed);
        } else {
            for p in &pieces {
                out.push_text(p[k]);
            }
        }
    }
    Ok(())
}

/// The same segments formatted as one file in one pass, for the test that proves splitting changes
/// nothing.
#[cfg(test)]
pub(crate) fn rust_file_single_pass(segments: &[Segment<'_>]) -> Result<String, Diagnostics> {
    use quote::quote;
    // Rebuild the whole file: runs of chunks with one opener become one wrapper around all their
    // items. Each chunk is one item whose last token tree is its brace-delimited body.
    // Built in one build, as a whole file would be.
    rust_file(|| {
        let mut all = TokenStream::new();
        let mut i = 0;
        while i < segments.len() {
            match segments[i].opener {
                None => {
                    all.extend((segments[i].tokens)());
                    i += 1;
                }
                Some(opener) => {
                    let mut head: Vec<proc_macro2::TokenTree> = (segments[i].tokens)().into_iter().collect();
                    let mut body = TokenStream::new();
                    while i < segments.len() && segments[i].opener == Some(opener) {
                        let tts: Vec<proc_macro2::TokenTree> = (segments[i].tokens)().into_iter().collect();
                        match tts.last() {
                            Some(proc_macro2::TokenTree::Group(g)) => body.extend(g.stream()),
                            _ => panic!("a chunk of `{opener}` must end with its body"),
                        }
                        i += 1;
                    }
                    head.pop();
                    let head: TokenStream = head.into_iter().collect();
                    all.extend(quote!(#head { #body }));
                }
            }
        }
        all
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_ranges_cover_everything_evenly() {
        assert_eq!(balanced_ranges(0, 10), vec![0..0]);
        assert_eq!(balanced_ranges(10, 10), vec![0..10]);
        assert_eq!(balanced_ranges(11, 10), vec![0..5, 5..11]);
        assert_eq!(balanced_ranges(2001, 1000), vec![0..667, 667..1334, 1334..2001]);
    }
}
