//! Every built-in field type loads.
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;

use qbitel_runtime::{
    CorsOrigins, Environment, ExposeSecret, FernetKey, LoadOptions, ProductionConfig, SecretString,
    Vars,
};

#[derive(ProductionConfig)]
struct Config {
    secret: SecretString,
    key: FernetKey,
    origins: CorsOrigins,
    text: String,
    flag: bool,
    letter: char,
    i8: i8,
    i16: i16,
    i32: i32,
    i64: i64,
    i128: i128,
    isize: isize,
    u8: u8,
    u16: u16,
    u32: u32,
    u64: u64,
    u128: u128,
    usize: usize,
    f32: f32,
    f64: f64,
    path: PathBuf,
    ip: IpAddr,
    ipv4: Ipv4Addr,
    ipv6: Ipv6Addr,
    socket: SocketAddr,
    #[config(env = "DEPLOY_ENVIRONMENT")]
    environment: Environment,
    list: Vec<u16>,
    maybe: Option<Vec<String>>,
}

fn main() {
    let vars = Vars::from_pairs([
        ("SECRET", "s3cr3t-value"),
        ("KEY", "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="),
        ("ORIGINS", "https://app.example.com"),
        ("TEXT", "hello"),
        ("FLAG", "yes"),
        ("LETTER", "x"),
        ("I8", "-8"),
        ("I16", "-16"),
        ("I32", "-32"),
        ("I64", "-64"),
        ("I128", "-128"),
        ("ISIZE", "-1"),
        ("U8", "8"),
        ("U16", "16"),
        ("U32", "32"),
        ("U64", "64"),
        ("U128", "128"),
        ("USIZE", "1"),
        ("F32", "0.5"),
        ("F64", "2.5"),
        ("PATH", "/etc/qbitel"),
        ("IP", "10.0.0.1"),
        ("IPV4", "127.0.0.1"),
        ("IPV6", "::1"),
        ("SOCKET", "0.0.0.0:8000"),
        ("DEPLOY_ENVIRONMENT", "development"),
        ("LIST", "1, 2,3"),
    ]);
    let development = LoadOptions::for_environment(Environment::Development);
    let config = Config::load_with(&vars, &development).unwrap();
    assert_eq!(config.secret.expose_secret(), "s3cr3t-value");
    assert!(config.flag);
    assert_eq!(config.letter, 'x');
    assert_eq!(
        (config.i8, config.i16, config.i32, config.i64),
        (-8, -16, -32, -64)
    );
    assert_eq!((config.i128, config.isize), (-128, -1));
    assert_eq!(
        (config.u8, config.u16, config.u32, config.u64),
        (8, 16, 32, 64)
    );
    assert_eq!((config.u128, config.usize), (128, 1));
    assert_eq!((config.f32, config.f64), (0.5, 2.5));
    assert_eq!(config.path, PathBuf::from("/etc/qbitel"));
    assert_eq!(config.ip, IpAddr::from([10, 0, 0, 1]));
    assert_eq!(config.ipv4, Ipv4Addr::LOCALHOST);
    assert_eq!(config.ipv6, Ipv6Addr::LOCALHOST);
    assert_eq!(config.socket.port(), 8000);
    assert_eq!(config.list, [1, 2, 3]);
    assert!(config.maybe.is_none());
    assert_eq!(config.text, "hello");
    assert_eq!(config.environment, Environment::Development);
    let _ = (config.key, config.origins);
}
