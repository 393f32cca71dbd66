//! Every loader under comparison produces the same values from the same data, so the
//! benchmarks compare like with like.

use qbitel_bench::{data, floor, peers, qbitel};
use qbitel_runtime::{ProductionConfig, Vars};

#[test]
fn in_memory_loaders_agree() {
    let map = data::map();
    let vars: Vars = data::VARIABLES.iter().copied().collect();
    let expected = data::expected();
    assert_eq!(
        floor::AppConfig::from_map(&map).unwrap().summary(),
        expected
    );
    assert_eq!(
        floor::AppConfig::minimal_from_map(&map).unwrap().summary(),
        expected
    );
    assert_eq!(
        qbitel::AppConfig::load_from(&vars).unwrap().summary(),
        expected
    );
    assert_eq!(
        qbitel::AppConfigNoStrength::load_from(&vars)
            .unwrap()
            .summary(),
        expected
    );
    assert_eq!(
        qbitel::AppConfigNoStrength::load_from(&map)
            .unwrap()
            .summary(),
        expected
    );
    assert_eq!(
        peers::with_envconfig::from_map(&map).unwrap().summary(),
        expected
    );
    assert_eq!(
        peers::with_envy::from_map(&map).unwrap().summary(),
        expected
    );
}

/// The process-environment loaders, in a child process given the data through
/// `Command::env` (this process's environment is never changed).
#[test]
fn process_env_loaders_agree() {
    if std::env::var_os("QBITEL_BENCH_CHILD").is_some() {
        let expected = data::expected();
        assert_eq!(floor::AppConfig::from_env().unwrap().summary(), expected);
        assert_eq!(
            floor::AppConfig::minimal_from_env().unwrap().summary(),
            expected
        );
        assert_eq!(qbitel::AppConfig::load().unwrap().summary(), expected);
        assert_eq!(
            peers::with_envconfig::from_env().unwrap().summary(),
            expected
        );
        assert_eq!(peers::with_envy::from_env().unwrap().summary(), expected);
        assert_eq!(peers::with_figment::from_env().unwrap().summary(), expected);
        assert_eq!(
            peers::with_confique::from_env().unwrap().summary(),
            expected
        );
        return;
    }
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "process_env_loaders_agree", "--nocapture"])
        .envs(data::VARIABLES.iter().copied())
        .env("QBITEL_BENCH_CHILD", "1")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}
