//! Reading the launch URL an LMS gives an assignable unit (§8.1), and refusing a launch that
//! would send the LMS's token to another host or across the network unencrypted.

use super::{Cmi5Error, Launch};
use serde_json::Value;

/// An LMS URL must be `https`, or `http` to this machine unless plain http is allowed.
fn check_transport(name: &str, u: &url::Url, allow_plain_http: bool) -> Result<(), Cmi5Error> {
    match u.scheme() {
        "https" => Ok(()),
        "http" if allow_plain_http || is_loopback(u) => Ok(()),
        "http" => Err(Cmi5Error::Launch(format!(
            "`{name}` is plain http to {}: the token and the learner's statements would cross the network unencrypted. Use https, or allow plain http with `[cmi5] allow_http = true` in config.toml (or PRAXIS_CMI5_ALLOW_HTTP=1)",
            u.host_str().unwrap_or("?")
        ))),
        other => Err(Cmi5Error::Launch(format!(
            "`{name}` must be an http or https URL, not `{other}:`"
        ))),
    }
}

/// Whether a URL's host is this machine.
fn is_loopback(u: &url::Url) -> bool {
    match u.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Result<&'a str, Cmi5Error> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .ok_or_else(|| Cmi5Error::Launch(format!("it has no `{name}` parameter (§8.1)")))
}

impl Launch {
    /// Reads a launch URL: the AU URL with its query string (§8.1), or the `praxis://` link of
    /// the launch page, `praxis://cmi5?url=<the AU URL, URL-encoded>`.
    ///
    /// The fetch URL and the endpoint must have the same origin (scheme, host and port): the
    /// token the fetch URL gives is sent with every statement to the endpoint, and a launch
    /// that would send it to another host is refused. Both must be `https`, or plain `http` on
    /// this machine (loopback) unless `allow_plain_http` (the `[cmi5] allow_http` setting).
    pub fn parse(text: &str, allow_plain_http: bool) -> Result<Launch, Cmi5Error> {
        let url = url::Url::parse(text.trim())
            .map_err(|e| Cmi5Error::Launch(format!("`{text}` is not a URL ({e})")))?;
        if url.scheme() == "praxis" {
            let inner = url
                .query_pairs()
                .find(|(k, _)| k == "url")
                .map(|(_, v)| v.into_owned())
                .ok_or_else(|| {
                    Cmi5Error::Launch(
                        "the praxis:// link carries no `url` (the launch page's address)".into(),
                    )
                })?;
            return Launch::parse(&inner, allow_plain_http);
        }
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let mut endpoint = param(&pairs, "endpoint")?.to_string();
        let endpoint_url = url::Url::parse(&endpoint)
            .map_err(|e| Cmi5Error::Launch(format!("`endpoint` is not a URL ({e})")))?;
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        let fetch = param(&pairs, "fetch")?.to_string();
        let fetch_url = url::Url::parse(&fetch)
            .map_err(|e| Cmi5Error::Launch(format!("`fetch` is not a URL ({e})")))?;
        for (name, u) in [("endpoint", &endpoint_url), ("fetch", &fetch_url)] {
            check_transport(name, u, allow_plain_http)?;
        }
        if endpoint_url.origin() != fetch_url.origin() {
            return Err(Cmi5Error::Launch(format!(
                "the fetch URL ({}) and the xAPI endpoint ({}) are not on the same origin: the token would be sent to another host, so the launch is refused",
                fetch_url.origin().ascii_serialization(),
                endpoint_url.origin().ascii_serialization()
            )));
        }
        let actor: Value = serde_json::from_str(param(&pairs, "actor")?)
            .map_err(|e| Cmi5Error::Launch(format!("`actor` is not JSON ({e})")))?;
        // §9.2: an Agent with an account.
        if actor.get("account").and_then(|a| a.get("name")).is_none()
            || actor
                .get("account")
                .and_then(|a| a.get("homePage"))
                .is_none()
            || actor
                .get("objectType")
                .is_some_and(|t| t.as_str() != Some("Agent"))
        {
            return Err(Cmi5Error::Launch(
                "`actor` must be an Agent with an account (homePage and name) (§9.2)".into(),
            ));
        }
        let registration = uuid::Uuid::parse_str(param(&pairs, "registration")?)
            .map_err(|e| Cmi5Error::Launch(format!("`registration` is not a UUID ({e})")))?;
        let activity_id = param(&pairs, "activityId")?.to_string();
        url::Url::parse(&activity_id)
            .map_err(|e| Cmi5Error::Launch(format!("`activityId` is not an IRI ({e})")))?;
        let scenario = pairs
            .iter()
            .find(|(k, _)| k == "scenario")
            .map(|(_, v)| v.clone());
        Ok(Launch {
            endpoint,
            fetch,
            actor,
            registration,
            activity_id,
            scenario,
        })
    }

    /// A pseudonym for records: `cmi5-` and 16 hex digits of the SHA-256 of the actor's
    /// account. The actor itself is never written in a record.
    pub fn learner_pseudonym(&self) -> String {
        let account = &self.actor["account"];
        let key = format!(
            "{}\n{}",
            account["homePage"].as_str().unwrap_or(""),
            account["name"].as_str().unwrap_or("")
        );
        let hash = crate::record::sha256_hex(key.as_bytes());
        format!("cmi5-{}", &hash[..16])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(endpoint: &str, fetch: &str) -> String {
        let q = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!(
            "https://lms.example.org/au?endpoint={}&fetch={}&actor={}&registration=3f2b8c1e-5d4a-4f7e-9b6c-2a1d0e9f8c7b&activityId={}",
            q(endpoint),
            q(fetch),
            q(
                r#"{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"u1"}}"#
            ),
            q("https://lms.example.org/au/1")
        )
    }

    #[test]
    fn the_token_is_never_sent_to_another_origin() {
        let ok = url(
            "https://lms.example.org/xapi/",
            "https://lms.example.org/fetch?k=1",
        );
        assert!(Launch::parse(&ok, false).is_ok());
        for (endpoint, fetch) in [
            (
                "https://evil.example.net/xapi/",
                "https://lms.example.org/fetch",
            ),
            (
                "https://lms.example.org:8443/xapi/",
                "https://lms.example.org/fetch",
            ),
            ("http://127.0.0.1:9001/xapi/", "http://127.0.0.1:9000/fetch"),
        ] {
            let e = Launch::parse(&url(endpoint, fetch), false)
                .unwrap_err()
                .to_string();
            assert!(e.contains("same origin"), "{e}");
        }
    }

    #[test]
    fn plain_http_only_on_this_machine_unless_allowed() {
        let local = url("http://127.0.0.1:9000/xapi/", "http://127.0.0.1:9000/fetch");
        assert!(Launch::parse(&local, false).is_ok());
        let lan = url("http://lms.local/xapi/", "http://lms.local/fetch");
        let e = Launch::parse(&lan, false).unwrap_err().to_string();
        assert!(e.contains("plain http") && e.contains("allow_http"), "{e}");
        assert!(Launch::parse(&lan, true).is_ok());
        let file = url("file:///etc/xapi/", "file:///etc/fetch");
        let e = Launch::parse(&file, true).unwrap_err().to_string();
        assert!(e.contains("http or https"), "{e}");
    }
}
