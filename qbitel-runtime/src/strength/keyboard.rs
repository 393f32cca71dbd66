//! Keyboard walks on a US QWERTY layout (`qwerty`, `1qaz`, `zxcvbn`, `poiuy`), priced as in
//! zxcvbn: a walk is a starting key, a length, and a number of turns between the six neighbour
//! directions.

use super::dictionary::binomial;

/// Walks shorter than this are too common by chance (about one random pair in eight is two
/// neighbouring keys).
const MIN_WALK_LEN: usize = 3;

/// Longest walk priced as one piece; a longer walk is priced as several, which only
/// overestimates it slightly and keeps the pricing loop bounded.
const MAX_WALK_LEN: usize = 16;

/// Keys an attacker may start a walk on (47 keys, shifted and unshifted).
const STARTING_POSITIONS: f64 = 94.0;

/// Mean number of neighbouring keys (zxcvbn's figure for QWERTY; the unit test checks that
/// the layout below agrees).
const AVERAGE_DEGREE: f64 = 4.595;

/// Rows as (unshifted, shifted, horizontal offset in half-keys). Each row sits half a key
/// further right than the one above, so a key's neighbours are two half-keys left or right
/// on its row, or one half-key left or right on the rows above and below.
const ROWS: [(&[u8], &[u8], i8); 4] = [
    (b"`1234567890-=", b"~!@#$%^&*()_+", 0),
    (b"qwertyuiop[]\\", b"QWERTYUIOP{}|", 3),
    (b"asdfghjkl;'", b"ASDFGHJKL:\"", 4),
    (b"zxcvbnm,./", b"ZXCVBNM<>?", 5),
];

#[derive(Clone, Copy, Debug)]
struct Key {
    row: i8,
    x: i8,
    shifted: bool,
}

const KEYS: [Option<Key>; 128] = layout();

const fn layout() -> [Option<Key>; 128] {
    let mut keys = [None; 128];
    let mut row = 0;
    while row < ROWS.len() {
        let (plain, shifted, offset) = ROWS[row];
        let mut i = 0;
        while i < plain.len() {
            let x = 2 * i as i8 + offset;
            let r = row as i8;
            keys[plain[i] as usize] = Some(Key {
                row: r,
                x,
                shifted: false,
            });
            keys[shifted[i] as usize] = Some(Key {
                row: r,
                x,
                shifted: true,
            });
            i += 1;
        }
        row += 1;
    }
    keys
}

fn key(c: char) -> Option<Key> {
    KEYS.get(usize::try_from(u32::from(c)).ok()?)
        .copied()
        .flatten()
}

/// Which of the six neighbour directions leads from `a` to `b`, if they are neighbours.
fn direction(a: Key, b: Key) -> Option<u8> {
    match (b.x - a.x, b.row - a.row) {
        (-2, 0) => Some(0),
        (-1, -1) => Some(1),
        (1, -1) => Some(2),
        (2, 0) => Some(3),
        (1, 1) => Some(4),
        (-1, 1) => Some(5),
        _ => None,
    }
}

/// Reports `(end, guesses)` for every walk of at least three keys starting at `start`.
pub(super) fn walks_at(chars: &[char], start: usize, mut report: impl FnMut(usize, f64)) {
    let Some(mut previous) = chars.get(start).copied().and_then(key) else {
        return;
    };
    let mut shifted = u32::from(previous.shifted);
    let mut turns = 0u32;
    let mut heading = None;
    let mut len = 1usize;
    while len < MAX_WALK_LEN {
        let Some(next) = chars.get(start + len).copied().and_then(key) else {
            break;
        };
        let Some(dir) = direction(previous, next) else {
            break;
        };
        if heading != Some(dir) {
            turns += 1;
            heading = Some(dir);
        }
        shifted += u32::from(next.shifted);
        previous = next;
        len += 1;
        if len >= MIN_WALK_LEN {
            report(start + len, guesses(len, turns, shifted));
        }
    }
}

/// zxcvbn's spatial guesses: starting key times, for each number of turns, the ways to place
/// them and the directions taken, times the ways to mix shifted keys in.
fn guesses(len: usize, turns: u32, shifted: u32) -> f64 {
    let len = u32::try_from(len).unwrap_or(u32::MAX);
    let mut paths = 0.0;
    for j in 1..=turns.min(len - 1) {
        // Sum over walk lengths 2..=len of C(i - 1, j - 1), by the hockey-stick identity.
        paths += (binomial(len, j) - 1.0) * AVERAGE_DEGREE.powi(i32::try_from(j).unwrap_or(0));
    }
    let unshifted = len - shifted.min(len);
    let shift_variations = match (shifted, unshifted) {
        (0, _) => 1.0,
        (_, 0) => 2.0,
        (s, u) => (1..=s.min(u)).map(|i| binomial(s + u, i)).sum(),
    };
    STARTING_POSITIONS * paths * shift_variations
}

#[cfg(test)]
mod tests {
    use super::*;

    fn longest(secret: &str) -> usize {
        let chars: Vec<char> = secret.chars().collect();
        let mut end = 0;
        walks_at(&chars, 0, |e, _| end = end.max(e));
        end
    }

    #[test]
    fn follows_rows_columns_and_reversals() {
        assert_eq!(longest("qwertyuiop"), 10);
        assert_eq!(longest("poiuytrewq"), 10);
        assert_eq!(longest("1qaz2wsx"), 4);
        assert_eq!(longest("zxcvbnm,./a"), 10);
        assert_eq!(longest("QWErty"), 6);
        assert_eq!(longest("qp"), 0);
    }

    #[test]
    fn straight_walks_are_cheaper_than_winding_ones() {
        let straight = guesses(6, 1, 0);
        let winding = guesses(6, 5, 0);
        assert!(straight < winding);
        // A straight six-key walk: 94 * 4.595 * 5 guesses, about 11 bits.
        assert!((straight - 94.0 * 4.595 * 5.0).abs() < 1e-6);
    }

    #[test]
    fn layout_degree_matches_zxcvbn() {
        let mut keys = 0.0;
        let mut neighbours = 0.0;
        for c in (0u8..128).map(char::from) {
            let Some(a) = key(c) else { continue };
            keys += 1.0;
            for d in (0u8..128).map(char::from) {
                // Count neighbour positions, not characters: each position holds two.
                if key(d).is_some_and(|b| !b.shifted && direction(a, b).is_some()) {
                    neighbours += 1.0;
                }
            }
        }
        assert_eq!(keys, STARTING_POSITIONS);
        assert!(
            (neighbours / keys - AVERAGE_DEGREE).abs() < 0.1,
            "{}",
            neighbours / keys
        );
    }
}
