//! Walking the embedded double-array tries one byte at a time.
//!
//! build.rs builds the tries with `yada`, whose format is darts-clone's: a unit is a
//! little-endian `u32` holding a label, an offset to its children and a flag for "a key ends
//! here". yada itself only searches from the root; recognition needs to stop after a word and
//! carry on later from the same node (see `recognize::candidates::dictionary_candidates`), so the walk is
//! done here, on yada's bytes.

/// A node of a trie: the keys that begin with the bytes walked to reach it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node(u32);

impl Node {
    /// The root: no byte walked yet.
    pub const ROOT: Node = Node(0);
}

/// A double-array trie written by `yada::builder::DoubleArrayBuilder`.
pub struct Trie {
    units: &'static [u8],
}

impl Trie {
    /// The trie in `units`, which must come from yada's builder: a test checks the embedded
    /// ones with yada's own validation. A malformed trie makes walks end early, never panic.
    pub const fn new(units: &'static [u8]) -> Trie {
        Trie { units }
    }

    fn unit(&self, id: u32) -> u32 {
        let at = id as usize * 4;
        match self.units.get(at..at + 4) {
            Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            None => 0,
        }
    }

    /// Where the offset of a unit points (children are at `offset ^ byte`).
    fn offset(unit: u32) -> u32 {
        (unit >> 10) << ((unit & (1 << 9)) >> 6)
    }

    /// The node reached from `node` by `byte`, if some key continues that way. No key holds a
    /// NUL byte (the format marks key ends with it; masked text is full of it).
    pub fn step(&self, node: Node, byte: u8) -> Option<Node> {
        if byte == 0 {
            return None;
        }
        let child = Self::offset(self.unit(node.0)) ^ node.0 ^ u32::from(byte);
        // The label field, with the leaf bit, equals the byte only on a real child.
        (self.unit(child) & ((1 << 31) | 0xFF) == u32::from(byte)).then_some(Node(child))
    }

    /// The node reached from `node` by all of `bytes`.
    pub fn walk(&self, node: Node, bytes: &[u8]) -> Option<Node> {
        bytes.iter().try_fold(node, |node, &b| self.step(node, b))
    }

    /// The value of the key that ends at `node`, if one does.
    pub fn value(&self, node: Node) -> Option<u32> {
        let unit = self.unit(node.0);
        let has_leaf = (unit >> 8) & 1 == 1;
        has_leaf.then(|| self.unit(Self::offset(unit) ^ node.0) & 0x7FFF_FFFF)
    }

    /// The value of the key `key`.
    pub fn get(&self, key: &[u8]) -> Option<u32> {
        self.walk(Node::ROOT, key).and_then(|node| self.value(node))
    }

    /// Every key that continues from `node` along a prefix of `bytes`, shortest first: how many
    /// bytes of `bytes` it took, and its value.
    pub fn keys_along<'a>(
        &'a self,
        node: Node,
        bytes: &'a [u8],
    ) -> impl Iterator<Item = (usize, u32)> + 'a {
        let mut node = Some(node);
        bytes
            .iter()
            .enumerate()
            .map_while(move |(i, &b)| {
                node = self.step(node?, b);
                Some((i + 1, node.and_then(|n| self.value(n))))
            })
            .filter_map(|(length, value)| Some((length, value?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(keys: &[(&str, u32)]) -> Trie {
        let mut keys: Vec<(&[u8], u32)> = keys.iter().map(|(k, v)| (k.as_bytes(), *v)).collect();
        keys.sort();
        let units = yada::builder::DoubleArrayBuilder::build(&keys).expect("trie builds");
        Trie::new(Box::leak(units.into_boxed_slice()))
    }

    #[test]
    fn walks_find_what_yada_finds() {
        let pairs = [("a", 0), ("ab", 1), ("abc d", 2), ("b", 3), ("parkinson disease", 4)];
        let t = trie(&pairs);
        let yada = yada::DoubleArray::new(t.units).expect("valid");
        for text in ["abc def", "ab", "a", "xyz", "parkinson disease x", "parkinson", "", "abc d"] {
            let ours: Vec<_> = t.keys_along(Node::ROOT, text.as_bytes()).collect();
            let theirs: Vec<_> =
                yada.common_prefix_search(text).map(|(value, length)| (length, value)).collect();
            assert_eq!(ours, theirs, "{text}");
            assert_eq!(t.get(text.as_bytes()), yada.exact_match_search(text), "{text}");
        }
    }

    #[test]
    fn no_walk_goes_through_nul() {
        let t = trie(&[("ab", 1), ("abc", 2)]);
        assert_eq!(t.keys_along(Node::ROOT, b"ab\0c").collect::<Vec<_>>(), [(2, 1)]);
        assert_eq!(t.get(b"\0"), None);
    }

    #[test]
    fn a_walk_can_stop_and_go_on() {
        let t = trie(&[("leigh", 1), ("leigh syndrome", 2)]);
        let after_word = t.walk(Node::ROOT, b"leigh").expect("a key starts so");
        assert_eq!(t.value(after_word), Some(1));
        assert_eq!(t.keys_along(after_word, b" syndrome,").collect::<Vec<_>>(), [(9, 2)]);
        assert_eq!(t.walk(Node::ROOT, b"leighx"), None);
    }
}
