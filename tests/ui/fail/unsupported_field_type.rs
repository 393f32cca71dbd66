use qbitel_runtime::ProductionConfig;

struct Endpoint {
    url: String,
}

#[derive(ProductionConfig)]
struct Config {
    endpoint: Endpoint,
}

fn main() {}
