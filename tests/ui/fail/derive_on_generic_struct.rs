use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config<T> {
    port: T,
}

fn main() {}
