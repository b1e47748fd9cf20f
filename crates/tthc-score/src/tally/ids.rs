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

use super::Fx;

/// Ids per sorted chunk (512 KiB).
const CHUNK: usize = 1 << 16;

/// The fingerprint of an id. Two different ids of one file coincide with a chance of
/// about n² / 2^65 (10 million ids: 3·10⁻⁶).
pub(super) fn fingerprint(id: &str) -> u64 {
    let mut h = Fx(0x9E37_79B9_7F4A_7C15);
    h.write(id.as_bytes());
    h.write_u64(id.len() as u64);
    // A final avalanche (splitmix64) spreads the bits of short ids.
    let mut z = h.finish();
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The fingerprints of the ids seen: a multiset, merged by concatenation.
#[derive(Debug, Clone, Default)]
pub(super) struct IdSet {
    /// Full chunks, each sorted.
    sorted: Vec<Box<[u64]>>,
    /// The chunk being filled, in arrival order.
    open: Vec<u64>,
}

impl IdSet {
    #[inline]
    pub fn insert(&mut self, f: u64) {
        self.open.push(f);
        if self.open.len() == CHUNK {
            let mut c = std::mem::take(&mut self.open).into_boxed_slice();
            c.sort_unstable();
            self.sorted.push(c);
        }
    }

    /// Adds the ids of `other`.
    pub fn merge(&mut self, other: &IdSet) {
        self.sorted.extend(other.sorted.iter().cloned());
        for &f in &other.open {
            self.insert(f);
        }
    }

    /// The number of ids that repeat an earlier one: all ids minus the distinct ones.
    pub fn repeats(&self) -> u64 {
        let mut open = self.open.clone();
        open.sort_unstable();
        let runs: Vec<&[u64]> = self
            .sorted
            .iter()
            .map(|c| &c[..])
            .chain(std::iter::once(&open[..]))
            .filter(|r| !r.is_empty())
            .collect();
        // A k-way merge of the sorted runs, counting equal neighbours.
        let mut heap: BinaryHeap<Reverse<(u64, usize, usize)>> = runs
            .iter()
            .enumerate()
            .map(|(r, run)| Reverse((run[0], r, 0)))
            .collect();
        let (mut repeats, mut last) = (0, None);
        while let Some(Reverse((f, r, i))) = heap.pop() {
            repeats += u64::from(last == Some(f));
            last = Some(f);
            if let Some(&next) = runs[r].get(i + 1) {
                heap.push(Reverse((next, r, i + 1)));
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
}
