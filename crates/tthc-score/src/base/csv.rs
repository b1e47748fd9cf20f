//! CSV records read with csv-core (the csv crate's engine), fed by hand so that each
//! record knows the spreadsheet row it starts on (feature `csv`): the dossier files and the
//! published tables both read through it.

use std::io::Read;

/// One record as csv-core leaves it: the field bytes and where each field ends.
pub(crate) struct Fields<'a> {
    pub out: &'a [u8],
    pub ends: &'a [usize],
}

impl<'a> Fields<'a> {
    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        let out = self.out;
        self.ends.iter().scan(0, move |start, &end| {
            let f = &out[*start..end];
            *start = end;
            Some(f)
        })
    }
}

/// Where the reader stands in the quoting of RFC 4180, as csv-core reads it: a quote opens
/// a quoted cell only at the start of a cell (elsewhere it is a character); inside one, a
/// doubled quote is a quote and a single one closes it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quoting {
    CellStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

impl Quoting {
    fn after(self, b: u8, delimiter: u8) -> Quoting {
        match (self, b) {
            (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
            (Quoting::Quoted, _) => Quoting::Quoted,
            (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
            (_, b'\n' | b'\r') => Quoting::CellStart,
            (_, d) if d == delimiter => Quoting::CellStart,
            (Quoting::CellStart, b'"') => Quoting::Quoted,
            _ => Quoting::Unquoted,
        }
    }
}

/// Reads records with csv-core, tracking the spreadsheet row where each begins.
pub(crate) struct Records<R> {
    input: R,
    rdr: csv_core::Reader,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    pub out: Vec<u8>,
    pub ends: Vec<usize>,
    /// Whether csv-core has been given input yet.
    started: bool,
    pub lines: Lines,
}

/// Where the reader stands in the lines of the file, and in the quoting.
pub(crate) struct Lines {
    /// The spreadsheet row: 1 + the line breaks (LF, CRLF or CR, as csv-core ends a
    /// record) consumed so far outside quoted cells.
    line: u64,
    /// Whether the last byte was a CR outside a quoted cell.
    after_cr: bool,
    pub quoting: Quoting,
    delimiter: u8,
    /// Always [`Lines::track_bytes`] (the reference the tests hold the faster path to).
    bytewise: bool,
}

impl<R: Read> Records<R> {
    pub fn new(input: R) -> Self {
        Self::with_delimiter(input, b',')
    }

    /// A reader of fields separated by `delimiter` (`;` in the spreadsheets of locales
    /// where the comma is the decimal mark).
    pub fn with_delimiter(input: R, delimiter: u8) -> Self {
        Records {
            input,
            rdr: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            buf: vec![0; 64 * 1024],
            pos: 0,
            len: 0,
            eof: false,
            out: vec![0; 4096],
            ends: vec![0; 32],
            started: false,
            lines: Lines {
                line: 1,
                after_cr: false,
                quoting: Quoting::CellStart,
                delimiter,
                bytewise: false,
            },
        }
    }

    /// Refills the buffer once it is used up. The first input holds at least four bytes
    /// (unless the file is shorter): csv-core skips a byte-order mark only when its first
    /// input holds all of it, and takes what is left of that input empty as the end of the
    /// file; a reader may hand over fewer bytes at a time.
    fn fill(&mut self) -> std::io::Result<()> {
        if self.pos < self.len || self.eof {
            return Ok(());
        }
        self.pos = 0;
        self.len = self.input.read(&mut self.buf)?;
        while !self.started && (1..4).contains(&self.len) {
            match self.input.read(&mut self.buf[self.len..])? {
                0 => break,
                n => self.len += n,
            }
        }
        self.eof = self.len == 0;
        Ok(())
    }

    /// The next record: its first line and its fields (valid until the next call).
    pub fn next(&mut self) -> std::io::Result<Option<(u64, usize, usize)>> {
        let (mut nout, mut nend) = (0, 0);
        let mut start: Option<u64> = None;
        loop {
            self.fill()?;
            let input = &self.buf[self.pos..self.len];
            // csv-core skips the byte-order mark at the start of its first input.
            let bom = if std::mem::replace(&mut self.started, true) {
                0
            } else {
                3 * usize::from(input.starts_with(b"\xef\xbb\xbf"))
            };
            let (res, nin, o, e) =
                self.rdr
                    .read_record(input, &mut self.out[nout..], &mut self.ends[nend..]);
            self.lines
                .track(input.get(bom..nin).unwrap_or_default(), &mut start);
            self.pos += nin;
            // csv-core gives field ends from the start of the record, across calls.
            nout += o;
            nend += e;
            match res {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                csv_core::ReadRecordResult::Record => {
                    return Ok(Some((start.unwrap_or(self.lines.line), nout, nend)))
                }
                csv_core::ReadRecordResult::End => return Ok(None),
            }
        }
    }

    pub fn fields(&self, nout: usize, nend: usize) -> Fields<'_> {
        Fields {
            out: &self.out[..nout],
            ends: &self.ends[..nend],
        }
    }
}

impl Lines {
    /// Follows the lines and the quoting over `read`, and sets `start` to the line of the
    /// first byte of a record, if it is there. Most records hold no quote and no CR: their
    /// lines are counted without walking the quoting byte by byte (a quarter of the CLI's
    /// time otherwise).
    fn track(&mut self, read: &[u8], start: &mut Option<u64>) {
        let inside_quotes = self.quoting == Quoting::Quoted;
        if !self.bytewise && !inside_quotes && memchr::memchr2(b'"', b'\r', read).is_none() {
            self.track_plain(read, start);
        } else {
            self.track_bytes(read, start);
        }
    }

    /// Follows the quoting and the line breaks over `read`, a byte at a time.
    fn track_bytes(&mut self, read: &[u8], start: &mut Option<u64>) {
        for &b in read {
            let quoted = self.quoting == Quoting::Quoted;
            match b {
                b'\n' if !quoted => {
                    self.line += u64::from(!self.after_cr);
                }
                b'\r' if !quoted => self.line += 1,
                _ => {
                    start.get_or_insert(self.line);
                }
            }
            self.after_cr = b == b'\r' && !quoted;
            self.quoting = self.quoting.after(b, self.delimiter);
        }
    }

    /// What [`Lines::track_bytes`] does, for bytes outside a quoted cell with no quote and
    /// no CR: every LF is a line (but one right after a CR), a record starts at the first
    /// other byte, and the last byte alone decides the quoting.
    fn track_plain(&mut self, read: &[u8], start: &mut Option<u64>) {
        let Some(&last) = read.last() else { return };
        let after_cr = usize::from(self.after_cr && read[0] == b'\n');
        if start.is_none() {
            if let Some(i) = read.iter().position(|&b| b != b'\n') {
                *start = Some(self.line + (i - after_cr) as u64);
            }
        }
        let lines = memchr::memchr_iter(b'\n', read).count() - after_cr;
        self.line += lines as u64;
        self.after_cr = false;
        self.quoting = if last == b'\n' || last == self.delimiter {
            Quoting::CellStart
        } else {
            Quoting::Unquoted
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Hands out its bytes in pieces of the given sizes, in turn.
    struct Pieces<'a>(&'a [u8], Vec<usize>, usize);

    impl Read for Pieces<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let size = self.1[self.2 % self.1.len()];
            self.2 += 1;
            let n = size.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// A record's first line and its fields.
    type Record = (u64, Vec<Vec<u8>>);

    /// Every record, and whether the file ends in a quoted cell.
    fn read_all(text: &[u8], pieces: &[usize], bytewise: bool) -> (Vec<Record>, bool) {
        let mut r = Records::new(Pieces(text, pieces.to_vec(), 0));
        r.lines.bytewise = bytewise;
        let mut out = Vec::new();
        while let Some((line, o, e)) = r.next().unwrap() {
            out.push((line, r.fields(o, e).iter().map(<[u8]>::to_vec).collect()));
        }
        (out, r.lines.quoting == Quoting::Quoted)
    }

    #[test]
    fn rows_as_a_spreadsheet_numbers_them() {
        let text = b"\xef\xbb\xbfa,b\r\n\r\nc,\"d\ne\"\n\nf\rg,\"h\"\"\"\n";
        let (recs, open) = read_all(text, &[3], false);
        let lines: Vec<u64> = recs.iter().map(|r| r.0).collect();
        // A line break in a quoted cell stays in its row, as in a spreadsheet.
        assert_eq!(lines, [1, 3, 5, 6]);
        assert_eq!(recs[1].1, [b"c".to_vec(), b"d\ne".to_vec()]);
        assert_eq!(recs[3].1, [b"g".to_vec(), b"h\"".to_vec()]);
        assert!(!open);
    }

    proptest! {
        /// The path for plain records numbers rows as the byte-by-byte one does, whatever
        /// the quotes, line ends and pieces the input comes in.
        #[test]
        fn plain_records_are_numbered_as_byte_by_byte(
            text in proptest::collection::vec(
                proptest::sample::select(b"ab,\"\r\n\n\n".to_vec()), 0..200),
            pieces in proptest::collection::vec(1usize..40, 1..5),
        ) {
            prop_assert_eq!(read_all(&text, &pieces, false), read_all(&text, &pieces, true));
        }
    }
}
