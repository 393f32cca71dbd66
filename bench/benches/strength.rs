//! Strength estimation cost for 32 B, 1 KiB and 1 MiB secrets: it should scale linearly.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qbitel_runtime::strength::{SecretKind, estimate};

/// Deterministic URL-safe base64 text (SplitMix64), standing in for `token_urlsafe`.
fn random_secret(len: usize, seed: u64) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            char::from(ALPHABET[((z ^ (z >> 31)) & 63) as usize])
        })
        .collect()
}

/// Human-style weak text (words, a year, a walk, a run), repeated to `len`.
fn weak_secret(len: usize) -> String {
    "Summer2024!P@ssw0rdqwertyabcdef"
        .chars()
        .cycle()
        .take(len)
        .collect()
}

fn sizes(c: &mut Criterion) {
    let mut group = c.benchmark_group("strength/estimate");
    for (label, len) in [("32B", 32), ("1KiB", 1024), ("1MiB", 1 << 20)] {
        if len >= 1 << 20 {
            group.sample_size(10);
        }
        group.throughput(Throughput::Bytes(len as u64));
        let random = random_secret(len, 42);
        let weak = weak_secret(len);
        group.bench_with_input(BenchmarkId::new("random", label), &random, |b, s| {
            b.iter(|| estimate(black_box(s), SecretKind::Key))
        });
        group.bench_with_input(BenchmarkId::new("weak", label), &weak, |b, s| {
            b.iter(|| estimate(black_box(s), SecretKind::Key))
        });
    }
    group.finish();
}

criterion_group!(benches, sizes);
criterion_main!(benches);
