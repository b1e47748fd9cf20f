//! The repeated-id check (`DUPLICATE_ID`, dossiers.md §7) in 8 bytes per id.
//!
//! Only the number of repeats is reported, so the ids need not be looked up as they
//! arrive: their 64-bit fingerprints are appended to chunks, each chunk is sorted when
//! full, and the repeats are counted once, by merging the sorted chunks. A hash set would
//! need 2–3 times the memory (its load factor and its doubling) and a random memory
//! access per id; this takes a sequential write per id and a sort per 65,536.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hash::Hasher;

/// Ids per sorted chunk (512 KiB).
const CHUNK: usize = 1 << 16;

/// The fingerprint of an id: SipHash-1-3 (std's `DefaultHasher`, fixed keys), a hash
/// whose 64 bits are close to uniform for any inputs, so that two different ids of one
/// file coincide with a chance of about n² / 2^65 (10 million ids: 3·10⁻⁶). A fast
/// multiplicative hash (FxHash, which the tally uses for its small maps) is not: on ids
/// that differ in a few characters, such as "0-022.2021.0000013" and "1-022.2021.0000013",
/// it gave 1,231 false repeats among 160,000 ids (`cli.rs`,
/// `repeated_ids_are_counted_across_many_chunks`).
pub(super) fn fingerprint(id: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(id.as_bytes());
    h.finish()
}

/// Where the full sorted chunks of fingerprints can go instead of memory. The core does no
/// I/O: a caller with a disk gives a store of its own ([`crate::tally::Tally::keep_ids_in`];
/// the CLI keeps them in a temporary file, so that its memory stays flat however many
/// rows a file has). A store that fails to keep a chunk says so when asked ([`Self::failure`]).
pub trait RunStore: Send + Sync {
    /// Keeps a sorted chunk.
    fn keep(&mut self, run: &[u64]);
    /// Every chunk kept, each read back in its order.
    fn runs(&self) -> Vec<Box<dyn Iterator<Item = u64> + '_>>;
    /// Why a chunk could not be kept or read back, if one could not.
    fn failure(&self) -> Option<String>;
}

/// The fingerprints of the ids seen: a multiset, merged by concatenation.
#[derive(Default)]
pub(super) struct IdSet {
    /// Full chunks, each sorted (when no store takes them).
    sorted: Vec<Box<[u64]>>,
    /// The chunk being filled, in arrival order.
    open: Vec<u64>,
    /// The caller's store of full chunks, if any.
    store: Option<Box<dyn RunStore>>,
    /// A failure of a store whose chunks were read into this set (a copy, a merge, a
    /// replaced store): the count is not to be trusted either.
    inherited: Option<String>,
}

impl std::fmt::Debug for IdSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdSet")
            .field("chunks", &self.sorted.len())
            .field("open", &self.open.len())
            .field("store", &self.store.is_some())
            .finish()
    }
}

/// A copy holds every fingerprint in memory: a caller's store is not copied.
impl Clone for IdSet {
    fn clone(&self) -> Self {
        let mut c = IdSet {
            open: self.open.clone(),
            ..IdSet::default()
        };
        c.sorted = self.sorted_runs().map(|r| r.collect()).collect();
        // After the reading, which may be what failed.
        c.inherit(self);
        c
    }
}

impl IdSet {
    #[inline]
    pub fn insert(&mut self, f: u64) {
        self.open.push(f);
        if self.open.len() == CHUNK {
            self.seal();
        }
    }

    /// Sorts the open chunk and puts it away.
    fn seal(&mut self) {
        let mut c = std::mem::take(&mut self.open);
        c.sort_unstable();
        // A store copies the chunk: its buffer is the next open chunk.
        if let Some(mut buf) = self.put_away(c) {
            buf.clear();
            self.open = buf;
        }
    }

    /// Keeps a sorted chunk: in the store if there is one (and gives the buffer back), else
    /// in memory.
    fn put_away(&mut self, run: Vec<u64>) -> Option<Vec<u64>> {
        match &mut self.store {
            Some(s) => {
                s.keep(&run);
                Some(run)
            }
            None => {
                self.sorted.push(run.into_boxed_slice());
                None
            }
        }
    }

    /// Takes on the failure of `other`'s store, whose chunks were read into this set.
    fn inherit(&mut self, other: &IdSet) {
        if let Some(e) = other.failure() {
            self.inherited.get_or_insert(e);
        }
    }

    /// Sends full chunks to `store` from now on, and those already put away (in memory,
    /// or in a store given before, whose failure carries over).
    pub fn keep_in(&mut self, mut store: Box<dyn RunStore>) {
        for run in self.sorted_runs() {
            store.keep(&run.collect::<Vec<u64>>());
        }
        if let Some(e) = self.failure() {
            self.inherited.get_or_insert(e);
        }
        self.sorted.clear();
        self.store = Some(store);
    }

    /// Why a store failed, if one did.
    pub fn failure(&self) -> Option<String> {
        self.inherited
            .clone()
            .or_else(|| self.store.as_ref().and_then(|s| s.failure()))
    }

    /// The full chunks, each in its (sorted) order.
    fn sorted_runs(&self) -> impl Iterator<Item = Box<dyn Iterator<Item = u64> + '_>> {
        let stored = self.store.iter().flat_map(|s| s.runs());
        let in_memory = self
            .sorted
            .iter()
            .map(|c| Box::new(c.iter().copied()) as Box<dyn Iterator<Item = u64> + '_>);
        stored.chain(in_memory)
    }

    /// Adds the ids of `other`.
    pub fn merge(&mut self, other: &IdSet) {
        // One chunk at a time: a merge holds at most one of the other's chunks in memory.
        for run in other.sorted_runs() {
            self.put_away(run.collect());
        }
        self.inherit(other);
        for &f in &other.open {
            self.insert(f);
        }
    }

    /// The number of ids that repeat an earlier one: all ids minus the distinct ones.
    pub fn repeats(&self) -> u64 {
        let mut open = self.open.clone();
        open.sort_unstable();
        let mut runs: Vec<Box<dyn Iterator<Item = u64> + '_>> = self.sorted_runs().collect();
        runs.push(Box::new(open.into_iter()));
        // A k-way merge of the sorted runs, counting equal neighbours.
        let mut heap: BinaryHeap<Reverse<(u64, usize)>> = runs
            .iter_mut()
            .enumerate()
            .filter_map(|(r, run)| run.next().map(|f| Reverse((f, r))))
            .collect();
        let (mut repeats, mut last) = (0, None);
        while let Some(Reverse((f, r))) = heap.pop() {
            repeats += u64::from(last == Some(f));
            last = Some(f);
            if let Some(next) = runs[r].next() {
                heap.push(Reverse((next, r)));
            }
        }
        repeats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_repeats_across_chunks_and_merges() {
        let mut a = IdSet::default();
        // Three chunks and a part: ids 0..n, then every tenth again.
        let n = 3 * CHUNK as u64 + 1234;
        for i in 0..n {
            a.insert(fingerprint(&i.to_string()));
        }
        assert_eq!(a.repeats(), 0);
        for i in (0..n).step_by(10) {
            a.insert(fingerprint(&i.to_string()));
        }
        assert_eq!(a.repeats(), n.div_ceil(10));
        // Split the same ids over two sets in another order: the same count.
        let (mut b, mut c) = (IdSet::default(), IdSet::default());
        for i in (0..n).rev() {
            if i % 2 == 0 { &mut b } else { &mut c }.insert(fingerprint(&i.to_string()));
        }
        for i in (0..n).step_by(10) {
            c.insert(fingerprint(&i.to_string()));
        }
        c.merge(&b);
        assert_eq!(c.repeats(), n.div_ceil(10));
        // An id three times repeats twice.
        let mut d = IdSet::default();
        for _ in 0..3 {
            d.insert(fingerprint("x"));
        }
        d.insert(fingerprint("y"));
        assert_eq!(d.repeats(), 2);
    }

    /// A store that keeps its chunks in one flat vector, as a file would.
    #[derive(Default)]
    struct Flat(Vec<u64>, Vec<(usize, usize)>);
    impl RunStore for Flat {
        fn keep(&mut self, run: &[u64]) {
            self.1.push((self.0.len(), run.len()));
            self.0.extend_from_slice(run);
        }
        fn runs(&self) -> Vec<Box<dyn Iterator<Item = u64> + '_>> {
            self.1
                .iter()
                .map(|&(at, n)| {
                    Box::new(self.0[at..at + n].iter().copied()) as Box<dyn Iterator<Item = u64>>
                })
                .collect()
        }
        fn failure(&self) -> Option<String> {
            None
        }
    }

    #[test]
    fn a_store_of_its_own_gives_the_same_count() {
        let n = 2 * CHUNK as u64 + 77;
        let (mut mem, mut kept) = (IdSet::default(), IdSet::default());
        kept.insert(fingerprint("early")); // before the store: kept in memory, then handed over
        mem.insert(fingerprint("early"));
        kept.keep_in(Box::new(Flat::default()));
        for i in (0..n).chain((0..n).step_by(7)).chain(std::iter::once(1)) {
            mem.insert(fingerprint(&i.to_string()));
            kept.insert(fingerprint(&i.to_string()));
        }
        kept.insert(fingerprint("early"));
        mem.insert(fingerprint("early"));
        assert!(kept.sorted.is_empty(), "full chunks went to the store");
        assert_eq!(kept.repeats(), mem.repeats());
        assert_eq!(mem.repeats(), n.div_ceil(7) + 2);
        // A copy and a merge read the store too.
        assert_eq!(kept.clone().repeats(), mem.repeats());
        let mut m = IdSet::default();
        m.merge(&kept);
        assert_eq!(m.repeats(), mem.repeats());
        kept.merge(&mem.clone());
        assert_eq!(
            kept.repeats(),
            2 * mem.repeats() + (mem_len(&mem) - mem.repeats())
        );
    }

    /// A store that loses every chunk and says so.
    struct Failing;
    impl RunStore for Failing {
        fn keep(&mut self, _: &[u64]) {}
        fn runs(&self) -> Vec<Box<dyn Iterator<Item = u64> + '_>> {
            Vec::new()
        }
        fn failure(&self) -> Option<String> {
            Some("disk gone".into())
        }
    }

    #[test]
    fn a_failing_store_is_never_a_silent_count() {
        let mut a = IdSet::default();
        a.keep_in(Box::new(Failing));
        for i in 0..CHUNK as u64 + 5 {
            a.insert(fingerprint(&i.to_string()));
        }
        assert_eq!(a.failure().as_deref(), Some("disk gone"));
        // A copy, a merge and a second store all carry the failure.
        assert_eq!(a.clone().failure().as_deref(), Some("disk gone"));
        let mut m = IdSet::default();
        m.merge(&a);
        assert_eq!(m.failure().as_deref(), Some("disk gone"));
        a.keep_in(Box::new(Flat::default()));
        assert_eq!(a.failure().as_deref(), Some("disk gone"));
    }

    #[test]
    fn a_second_store_takes_the_chunks_of_the_first() {
        let (mut mem, mut kept) = (IdSet::default(), IdSet::default());
        kept.keep_in(Box::new(Flat::default()));
        for i in (0..2 * CHUNK as u64).chain(0..100) {
            kept.insert(fingerprint(&i.to_string()));
            mem.insert(fingerprint(&i.to_string()));
        }
        kept.keep_in(Box::new(Flat::default()));
        assert_eq!(kept.repeats(), 100);
        assert_eq!(kept.repeats(), mem.repeats());
        assert_eq!(kept.failure(), None);
    }

    fn mem_len(s: &IdSet) -> u64 {
        (s.sorted.iter().map(|c| c.len()).sum::<usize>() + s.open.len()) as u64
    }
}
