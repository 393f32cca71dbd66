//! `load_from` of the design document's configuration against the hand-written floor and the
//! peers, from the same data.
//!
//! `figment` and `confique` read variables from the process environment only. To compare
//! everyone on that path too without mutating this process's environment, `main` re-runs this
//! benchmark binary as a child with the variables set through `Command::env`, and the child
//! runs every benchmark. The in-memory group reads a `HashMap`/`Vars` built from the same data.

use std::hint::black_box;
use std::process::{Command, ExitCode};

use criterion::Criterion;
use qbitel_bench::{data, floor, peers, qbitel};
use qbitel_runtime::{ProcessEnv, ProductionConfig, Vars};

/// Set in the child, so that it benchmarks instead of spawning again.
const CHILD_MARKER: &str = "QBITEL_BENCH_CHILD";

fn in_memory(c: &mut Criterion) {
    let map = data::map();
    let vars: Vars = data::VARIABLES.iter().copied().collect();
    let mut group = c.benchmark_group("load/in-memory");
    group.bench_function("floor", |b| {
        b.iter(|| floor::AppConfig::from_map(black_box(&map)))
    });
    group.bench_function("floor-minimal", |b| {
        b.iter(|| floor::AppConfig::minimal_from_map(black_box(&map)))
    });
    group.bench_function("qbitel", |b| {
        b.iter(|| qbitel::AppConfig::load_from(black_box(&vars)))
    });
    group.bench_function("qbitel-no-strength", |b| {
        b.iter(|| qbitel::AppConfigNoStrength::load_from(black_box(&vars)))
    });
    // The floor's own map (std `HashMap`, SipHash), instead of `Vars` (foldhash).
    group.bench_function("qbitel-no-strength-hashmap", |b| {
        b.iter(|| qbitel::AppConfigNoStrength::load_from(black_box(&map)))
    });
    group.bench_function("envconfig", |b| {
        b.iter(|| peers::with_envconfig::from_map(black_box(&map)))
    });
    group.bench_function("envy", |b| {
        b.iter(|| peers::with_envy::from_map(black_box(&map)))
    });
    group.finish();
}

fn process_env(c: &mut Criterion) {
    let mut group = c.benchmark_group("load/process-env");
    group.bench_function("floor", |b| b.iter(floor::AppConfig::from_env));
    group.bench_function("floor-minimal", |b| {
        b.iter(floor::AppConfig::minimal_from_env)
    });
    group.bench_function("qbitel", |b| {
        b.iter(|| qbitel::AppConfig::load_from(black_box(&ProcessEnv)))
    });
    group.bench_function("qbitel-no-strength", |b| {
        b.iter(|| qbitel::AppConfigNoStrength::load_from(black_box(&ProcessEnv)))
    });
    group.bench_function("envconfig", |b| b.iter(peers::with_envconfig::from_env));
    group.bench_function("envy", |b| b.iter(peers::with_envy::from_env));
    group.bench_function("figment", |b| b.iter(peers::with_figment::from_env));
    group.bench_function("confique", |b| b.iter(peers::with_confique::from_env));
    group.finish();
}

/// Runs this binary again with the data in its environment.
fn respawn() -> ExitCode {
    let status = std::env::current_exe().and_then(|exe| {
        Command::new(exe)
            .args(std::env::args_os().skip(1))
            .envs(data::VARIABLES.iter().copied())
            .env(CHILD_MARKER, "1")
            .status()
    });
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("cannot re-run the benchmark with its environment: {error}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    if std::env::var_os(CHILD_MARKER).is_none() {
        return respawn();
    }
    let mut criterion = Criterion::default().configure_from_args();
    in_memory(&mut criterion);
    process_env(&mut criterion);
    criterion.final_summary();
    ExitCode::SUCCESS
}
