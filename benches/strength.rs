//! Strength estimation cost on short, medium and huge secrets, random and weak.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qbitel_runtime::strength::{SecretKind, estimate};
use std::hint::black_box;

/// Deterministic URL-safe base64 characters (SplitMix64), standing in for `token_urlsafe`.
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

/// Human-style weak text: words, a year, a walk and a run, repeated to `len`.
fn weak_secret(len: usize) -> String {
    "Summer2024!P@ssw0rdqwertyabcdef"
        .chars()
        .cycle()
        .take(len)
        .collect()
}

fn sizes(c: &mut Criterion) {
    let mut group = c.benchmark_group("estimate");
    for (label, len) in [("32B", 32), ("1KiB", 1024), ("1MiB", 1 << 20)] {
        if len >= 1 << 20 {
            group.sample_size(10);
        }
        group.throughput(Throughput::Bytes(len as u64));
        let random = random_secret(len, 42);
        let weak = weak_secret(len);
        group.bench_with_input(BenchmarkId::new("random", label), &random, |b, s| {
            b.iter(|| estimate(black_box(s), SecretKind::Key));
        });
        group.bench_with_input(BenchmarkId::new("weak", label), &weak, |b, s| {
            b.iter(|| estimate(black_box(s), SecretKind::Key));
        });
    }
    group.finish();
}

fn token_urlsafe_throughput(c: &mut Criterion) {
    let tokens: Vec<String> = (0..1000).map(|seed| random_secret(43, seed)).collect();
    let mut group = c.benchmark_group("token_urlsafe_32");
    group.throughput(Throughput::Elements(tokens.len() as u64));
    group.bench_function("1000 tokens", |b| {
        b.iter(|| {
            tokens
                .iter()
                .filter(|t| estimate(black_box(t), SecretKind::Key).is_strong())
                .count()
        });
    });
    group.finish();
}

criterion_group!(benches, sizes, token_urlsafe_throughput);
criterion_main!(benches);
