//! URLs in HTTP calls: their host, and whether that host is internal.

use std::net::IpAddr;

/// The host of an absolute `http(s)://` or `//` URL; `None` for relative
/// URLs and anything else.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("wss://"))
        .or_else(|| url.strip_prefix("ws://"))
        .or_else(|| url.strip_prefix("//"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next()?
    } else {
        authority.split(':').next()?
    };
    let host = host.trim().to_ascii_lowercase();
    // A placeholder such as `{host}` or `${BASE}` is not a host.
    if host.is_empty() || host.contains(['{', '}', '$', '%', ' ']) {
        return None;
    }
    Some(host)
}

/// True for hosts that are not a third party: loopback, private ranges,
/// single-label service names and internal suffixes.
pub fn is_internal(host: &str, internal_domains: &[String]) -> bool {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return match ip {
            IpAddr::V4(v4) => {
                v4.is_loopback() || v4.is_private() || v4.is_link_local() || v4.is_unspecified()
            }
            IpAddr::V6(v6) => {
                v6.is_loopback() || v6.is_unspecified() || (v6.segments()[0] & 0xfe00) == 0xfc00
            }
        };
    }
    const SUFFIXES: [&str; 6] = [
        ".local",
        ".internal",
        ".localhost",
        ".svc",
        ".cluster.local",
        ".lan",
    ];
    host == "localhost"
        || !host.contains('.')
        || SUFFIXES.iter().any(|s| host.ends_with(s))
        || internal_domains
            .iter()
            .any(|d| host == d || host.ends_with(&format!(".{d}")))
}

#[cfg(test)]
mod tests {
    use super::{host_of, is_internal};

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://api.Example.com/v1?x=1").as_deref(),
            Some("api.example.com")
        );
        assert_eq!(
            host_of("http://user:pw@10.0.0.3:8080/x").as_deref(),
            Some("10.0.0.3")
        );
        assert_eq!(host_of("http://[::1]:80/").as_deref(), Some("::1"));
        assert_eq!(host_of("/api/users"), None);
        assert_eq!(host_of("https://{host}/x"), None);
    }

    #[test]
    fn internal_hosts() {
        for h in [
            "localhost",
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.2",
            "172.20.0.1",
            "billing",
            "users.svc",
            "a.internal",
            "::1",
        ] {
            assert!(is_internal(h, &[]), "{h}");
        }
        for h in ["api.segment.io", "8.8.8.8", "example.com"] {
            assert!(!is_internal(h, &[]), "{h}");
        }
        assert!(is_internal("api.corp.example", &["corp.example".into()]));
    }
}

/// The country of the first region id of `regions` named in `hints`, as a
/// whole word (`oss-cn-hangzhou` names `cn-hangzhou`; `us-east-10` does not
/// name `us-east-1`). Longer ids are tried first.
pub fn region_in(
    hints: &str,
    regions: &std::collections::BTreeMap<String, String>,
) -> Option<String> {
    let mut ids: Vec<&String> = regions.keys().collect();
    ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
    let bytes = hints.as_bytes();
    ids.into_iter().find_map(|id| {
        hints.match_indices(id.as_str()).find_map(|(at, _)| {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(at + id.len()).copied();
            let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
            (!word(before) && !word(after)).then(|| regions[id].clone())
        })
    })
}

#[cfg(test)]
mod region_tests {
    use super::region_in;

    #[test]
    fn finds_region_ids_as_whole_words() {
        let regions = [
            ("cn-hangzhou", "CN"),
            ("us-east-1", "US"),
            ("cn-hongkong", "HK"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let found = |h: &str| region_in(h, &regions);
        assert_eq!(
            found("https://oss-cn-hangzhou.aliyuncs.com b").as_deref(),
            Some("CN")
        );
        assert_eq!(found("s3 us-east-1 ").as_deref(), Some("US"));
        assert_eq!(found("oss-cn-hongkong.aliyuncs.com").as_deref(), Some("HK"));
        assert_eq!(found("us-east-10"), None);
        assert_eq!(found("bucket-name"), None);
    }
}
