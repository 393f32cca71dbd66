use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(env = "PORT")]
    http_port: u16,
    #[config(env = "PORT")]
    admin_port: u16,
}

fn main() {}
