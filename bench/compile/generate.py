#!/usr/bin/env python3
"""Generates the compile-cost consumer crates into bench/compile/generated/ (git-ignored).

Each crate declares the same 100-field configuration struct with one library and loads it in
`main`: every fifth field a required secret (qbitel: a checked `SecretString`), then a string,
a number and a flag with defaults, and an optional string. `minimal` is a small app using
qbitel-runtime with default features, for the clean-build time and the crate count.

    python3 bench/compile/generate.py && bash bench/compile/measure.sh
"""

from pathlib import Path

FIELDS = 100
HERE = Path(__file__).resolve().parent
OUT = HERE / "generated"
RUNTIME = HERE.parent.parent / "qbitel-runtime"


def manifest(name, dependencies):
    deps = "\n".join(dependencies)
    return f"""[package]
name = "compile-{name}"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
{deps}
"""


def field(i):
    """(kind, name) of field i."""
    kinds = ["secret", "text", "number", "flag", "optional"]
    return kinds[i % 5], f"field_{i:03}"


def qbitel_struct():
    lines = ["#[derive(ProductionConfig)]", '#[config(prefix = "APP_")]', "struct Config {"]
    for i in range(FIELDS):
        kind, name = field(i)
        lines.append(f"    /// Field {i}")
        if kind == "secret":
            lines += ["    #[config(min_len = 16, strength)]", f"    {name}: SecretString,"]
        elif kind == "text":
            lines += ['    #[config(default = "text")]', f"    {name}: String,"]
        elif kind == "number":
            lines += ['    #[config(default = "8000")]', f"    {name}: u32,"]
        elif kind == "flag":
            lines += ['    #[config(default = "false")]', f"    {name}: bool,"]
        else:
            lines.append(f"    {name}: Option<String>,")
    lines.append("}")
    return "\n".join(lines)


def envconfig_struct():
    lines = ["#[derive(Envconfig)]", "struct Config {"]
    for i in range(FIELDS):
        kind, name = field(i)
        env = f"APP_{name.upper()}"
        if kind == "secret":
            lines += [f'    #[envconfig(from = "{env}")]', f"    {name}: String,"]
        elif kind == "text":
            lines += [f'    #[envconfig(from = "{env}", default = "text")]', f"    {name}: String,"]
        elif kind == "number":
            lines += [f'    #[envconfig(from = "{env}", default = "8000")]', f"    {name}: u32,"]
        elif kind == "flag":
            lines += [f'    #[envconfig(from = "{env}", default = "false")]', f"    {name}: bool,"]
        else:
            lines += [f'    #[envconfig(from = "{env}")]', f"    {name}: Option<String>,"]
    lines.append("}")
    return "\n".join(lines)


def confique_struct():
    lines = ["#[derive(Config)]", "struct Config {"]
    for i in range(FIELDS):
        kind, name = field(i)
        env = f"APP_{name.upper()}"
        if kind == "secret":
            lines += [f'    #[config(env = "{env}")]', f"    {name}: String,"]
        elif kind == "text":
            lines += [f'    #[config(env = "{env}", default = "text")]', f"    {name}: String,"]
        elif kind == "number":
            lines += [f'    #[config(env = "{env}", default = 8000)]', f"    {name}: u32,"]
        elif kind == "flag":
            lines += [f'    #[config(env = "{env}", default = false)]', f"    {name}: bool,"]
        else:
            lines += [f'    #[config(env = "{env}")]', f"    {name}: Option<String>,"]
    lines.append("}")
    return "\n".join(lines)


def serde_struct():
    lines = ["#[derive(Deserialize)]", "struct Config {"]
    for i in range(FIELDS):
        kind, name = field(i)
        if kind == "secret":
            lines.append(f"    {name}: String,")
        elif kind == "text":
            lines += ['    #[serde(default = "text")]', f"    {name}: String,"]
        elif kind == "number":
            lines += ['    #[serde(default = "number")]', f"    {name}: u32,"]
        elif kind == "flag":
            lines += ["    #[serde(default)]", f"    {name}: bool,"]
        else:
            lines.append(f"    {name}: Option<String>,")
    lines.append("}")
    return "\n".join(lines)


MAIN = "fn main() {{\n{body}\n}}\n"

CRATES = {
    "qbitel": (
        [f'qbitel-runtime = {{ path = "{RUNTIME}" }}'],
        "#![allow(dead_code)]\nuse qbitel_runtime::{ProductionConfig, SecretString};\n\n"
        + qbitel_struct()
        + "\n\n"
        + MAIN.format(body='    println!("{}", Config::load().is_ok());'),
    ),
    "envconfig": (
        ['envconfig = "0.11"'],
        "#![allow(dead_code)]\nuse envconfig::Envconfig;\n\n"
        + envconfig_struct()
        + "\n\n"
        + MAIN.format(body='    println!("{}", Config::init_from_env().is_ok());'),
    ),
    "confique": (
        ['confique = { version = "0.4", default-features = false }'],
        "#![allow(dead_code)]\nuse confique::Config as _;\n\n"
        + confique_struct().replace("#[derive(Config)]", "#[derive(confique::Config)]")
        + "\n\n"
        + MAIN.format(body='    println!("{}", Config::builder().env().load().is_ok());'),
    ),
    "serde": (
        ['serde = { version = "1", features = ["derive"] }', 'envy = "0.4"'],
        "#![allow(dead_code)]\nuse serde::Deserialize;\n\n"
        + 'fn text() -> String {\n    "text".to_owned()\n}\n\nfn number() -> u32 {\n    8000\n}\n\n'
        + serde_struct()
        + "\n\n"
        + MAIN.format(body='    println!("{}", envy::prefixed("APP_").from_env::<Config>().is_ok());'),
    ),
    "minimal": (
        [f'qbitel-runtime = {{ path = "{RUNTIME}" }}'],
        "use qbitel_runtime::{ProductionConfig, SecretString};\n\n"
        "#[derive(ProductionConfig)]\n"
        '#[config(prefix = "APP_")]\n'
        "struct Config {\n"
        "    /// Database password\n"
        "    #[config(min_len = 16, strength)]\n"
        "    db_password: SecretString,\n"
        "    /// HTTP port\n"
        '    #[config(default = "8000")]\n'
        "    port: u16,\n"
        "}\n\n"
        + MAIN.format(body='    match Config::load() {\n        Ok(config) => println!("{}", config.port),\n        Err(error) => eprintln!("{error}"),\n    }'),
    ),
}


def main():
    for name, (dependencies, source) in CRATES.items():
        crate = OUT / name
        (crate / "src").mkdir(parents=True, exist_ok=True)
        (crate / "Cargo.toml").write_text(manifest(name, dependencies))
        (crate / "src" / "main.rs").write_text(source)
    print(f"generated {', '.join(CRATES)} in {OUT}")


if __name__ == "__main__":
    main()
