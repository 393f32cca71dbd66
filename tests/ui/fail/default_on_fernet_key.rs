use qbitel_runtime::{FernetKey, ProductionConfig};

#[derive(ProductionConfig)]
struct Config {
    #[config(default = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    encryption_key: FernetKey,
}

fn main() {}
