//! Runs one loader many times, for profilers (`valgrind --tool=callgrind`, `perf`,
//! `valgrind --tool=dhat`): `cargo run --release --example profile -- qbitel-no-strength 10000`.
//! The `-env` loaders read the process environment, which must hold the benchmark's variables:
//! `env $(target/release/examples/profile --print-env) valgrind ... profile floor-env 1000`.

use std::hint::black_box;
use std::process::ExitCode;

use qbitel_bench::{data, floor, peers, qbitel};
use qbitel_runtime::{ProductionConfig, Vars};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let which = args
        .next()
        .unwrap_or_else(|| "qbitel-no-strength".to_owned());
    // For the `-env` loaders: `env $(profile --print-env) valgrind ... profile floor-env`.
    if which == "--print-env" {
        for (name, value) in data::VARIABLES {
            println!("{name}={value}");
        }
        return ExitCode::SUCCESS;
    }
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let map = data::map();
    let vars: Vars = data::VARIABLES.iter().copied().collect();
    for _ in 0..times {
        let ok = match which.as_str() {
            "floor" => floor::AppConfig::from_map(black_box(&map)).is_ok(),
            "floor-minimal" => floor::AppConfig::minimal_from_map(black_box(&map)).is_ok(),
            "envconfig" => peers::with_envconfig::from_map(black_box(&map)).is_ok(),
            "qbitel" => qbitel::AppConfig::load_from(black_box(&vars)).is_ok(),
            "qbitel-no-strength" => {
                qbitel::AppConfigNoStrength::load_from(black_box(&vars)).is_ok()
            }
            "qbitel-no-strength-hashmap" => {
                qbitel::AppConfigNoStrength::load_from(black_box(&map)).is_ok()
            }
            // From the process environment: run with the variables of `data::VARIABLES` set.
            "floor-env" => floor::AppConfig::from_env().is_ok(),
            "qbitel-no-strength-env" => qbitel::AppConfigNoStrength::load().is_ok(),
            other => {
                eprintln!(
                    "unknown loader {other}: floor, floor-minimal, envconfig, qbitel, qbitel-no-strength, qbitel-no-strength-hashmap, floor-env, qbitel-no-strength-env"
                );
                return ExitCode::FAILURE;
            }
        };
        if !ok {
            eprintln!("{which} failed to load");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
