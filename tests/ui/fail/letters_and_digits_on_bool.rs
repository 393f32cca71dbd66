use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(letters_and_digits)]
    debug: bool,
}

fn main() {}
