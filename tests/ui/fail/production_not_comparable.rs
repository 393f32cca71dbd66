use qbitel_runtime::ProductionConfig;

struct Mode(u8);

impl std::str::FromStr for Mode {
    type Err = std::num::ParseIntError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.parse().map(Mode)
    }
}

qbitel_runtime::config_value_from_str!(Mode);

#[derive(ProductionConfig)]
struct Config {
    #[config(default = "1", production = "1")]
    mode: Mode,
}

fn main() {}
