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
    delimiter: u8,
    rdr: csv_core::Reader,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    pub out: Vec<u8>,
    pub ends: Vec<usize>,
    /// The spreadsheet row: 1 + the line breaks (LF, CRLF or CR, as csv-core ends a
    /// record) consumed so far outside quoted cells.
    line: u64,
    /// Whether the last byte was a CR outside a quoted cell.
    after_cr: bool,
    /// Whether csv-core has been given input yet.
    started: bool,
    pub quoting: Quoting,
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
            delimiter,
            rdr: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            buf: vec![0; 64 * 1024],
            pos: 0,
            len: 0,
            eof: false,
            out: vec![0; 4096],
            ends: vec![0; 32],
            line: 1,
            after_cr: false,
            started: false,
            quoting: Quoting::CellStart,
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
            for &b in input.get(bom..nin).unwrap_or_default() {
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
                    return Ok(Some((start.unwrap_or(self.line), nout, nend)))
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
