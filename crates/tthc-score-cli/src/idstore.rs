//! The fingerprints of the dossier ids (the tally's check for repeated ids), kept in an
//! unnamed temporary file instead of memory: 8 bytes an id, 80 MB for 10 million rows,
//! which the CLI's memory then never holds. The count is the core's, from the same
//! sorted chunks (`tthc_score::tally::RunStore`).

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::Mutex;
use tthc_score::tally::RunStore;

/// Fingerprints read back per step of a chunk (8 KB a chunk while counting).
const READ: usize = 1024;

#[derive(Default)]
pub struct FileStore {
    /// Created with the first chunk; `None` after it could not be created.
    file: Option<File>,
    /// Where each chunk starts (in fingerprints) and how many it has.
    chunks: Vec<(u64, usize)>,
    /// The file's length in fingerprints.
    end: u64,
    /// Chunks kept in memory because the file could not be written.
    in_memory: Vec<Box<[u64]>>,
    /// Whether creating the file failed (then every chunk stays in memory).
    no_file: bool,
    bytes: Vec<u8>,
    /// The first read error.
    failure: Mutex<Option<String>>,
}

impl RunStore for FileStore {
    fn keep(&mut self, run: &[u64]) {
        if self.file.is_none() && !self.no_file {
            self.file = tempfile::tempfile().ok();
            self.no_file = self.file.is_none();
        }
        self.bytes.clear();
        self.bytes.extend(run.iter().flat_map(|f| f.to_le_bytes()));
        match &self.file {
            Some(file) if file.write_all_at(&self.bytes, self.end * 8).is_ok() => {
                self.chunks.push((self.end, run.len()));
                self.end += run.len() as u64;
            }
            // No disk to spare: the check still counts, in memory.
            _ => self.in_memory.push(run.into()),
        }
    }

    fn runs(&self) -> Vec<Box<dyn Iterator<Item = u64> + '_>> {
        let on_disk = self.file.iter().flat_map(|file| {
            self.chunks.iter().map(move |&(at, len)| {
                Box::new(Chunk {
                    file,
                    at,
                    left: len,
                    buf: Vec::new(),
                    pos: 0,
                    failure: &self.failure,
                }) as Box<dyn Iterator<Item = u64> + '_>
            })
        });
        let in_memory = self
            .in_memory
            .iter()
            .map(|c| Box::new(c.iter().copied()) as Box<dyn Iterator<Item = u64> + '_>);
        on_disk.chain(in_memory).collect()
    }

    fn failure(&self) -> Option<String> {
        self.failure.lock().ok().and_then(|f| f.clone())
    }
}

/// One chunk read back from the file, `READ` fingerprints at a time.
struct Chunk<'a> {
    file: &'a File,
    /// The next fingerprint to read from the file.
    at: u64,
    /// Fingerprints of the chunk not read from the file yet.
    left: usize,
    buf: Vec<u64>,
    pos: usize,
    failure: &'a Mutex<Option<String>>,
}

impl Iterator for Chunk<'_> {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        if self.pos == self.buf.len() {
            let n = self.left.min(READ);
            if n == 0 {
                return None;
            }
            let mut bytes = [0u8; READ * 8];
            let bytes = &mut bytes[..n * 8];
            if let Err(e) = self.file.read_exact_at(bytes, self.at * 8) {
                if let Ok(mut f) = self.failure.lock() {
                    f.get_or_insert_with(|| format!("the temporary file of the ids: {e}"));
                }
                self.left = 0;
                return None;
            }
            self.buf.clear();
            self.buf.extend(
                bytes
                    .chunks_exact(8)
                    .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default())),
            );
            self.pos = 0;
            self.at += n as u64;
            self.left -= n;
        }
        let f = self.buf[self.pos];
        self.pos += 1;
        Some(f)
    }
}
