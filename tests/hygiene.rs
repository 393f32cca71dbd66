//! The derive's output names every item by its full path: it compiles beside local items that
//! shadow the prelude, and under `deny(warnings, unused_qualifications)`.
#![deny(warnings, unused_qualifications)]

mod shadowed {
    #![allow(dead_code, non_camel_case_types)]

    use qbitel_runtime::{ExposeSecret, ProductionConfig, SecretString, Vars};

    struct Option;
    struct Some;
    struct None;
    struct Ok;
    struct Err;
    struct String;
    struct Vec;
    struct Box;
    type Result = ();
    mod core {}
    mod std {}
    mod qbitel {}
    fn stringify() {}

    /// A configuration declared where the prelude's names mean something else.
    #[derive(ProductionConfig)]
    #[config(prefix = "APP_")]
    pub struct Config {
        /// Database password
        #[config(min_len = 16, strength)]
        pub db_password: SecretString,
        #[config(recommended)]
        pub api_key: ::core::option::Option<SecretString>,
        #[config(default = "8000")]
        pub port: u16,
        #[config(dev_default = "info")]
        pub log_level: ::std::string::String,
    }

    pub fn load() -> (
        ::std::string::String,
        ::core::option::Option<::std::string::String>,
        u16,
    ) {
        let vars = Vars::from_pairs([("APP_DB_PASSWORD", "vT8#qL2!mZ6@wK4$rN9^")]);
        let config = Config::load_from(&vars).unwrap();
        (
            config.db_password.expose_secret().to_owned(),
            config.api_key.map(|key| key.expose_secret().to_owned()),
            config.port,
        )
    }

    pub fn log_level() -> ::std::string::String {
        Config::load_from(&Vars::from_pairs([(
            "APP_DB_PASSWORD",
            "vT8#qL2!mZ6@wK4$rN9^",
        )]))
        .unwrap()
        .log_level
    }
}

#[test]
fn loads_under_shadowed_prelude_names() {
    let (password, api_key, port) = shadowed::load();
    assert_eq!(password, "vT8#qL2!mZ6@wK4$rN9^");
    assert_eq!(api_key, None);
    assert_eq!(port, 8000);
    assert_eq!(shadowed::log_level(), "info");
}
