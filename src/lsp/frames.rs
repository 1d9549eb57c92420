//! Only well-formed JSON-RPC reaches the server. tower-lsp-server stops reading its input at
//! the first message it cannot decode (a body that is no JSON, or no JSON-RPC message), which
//! would leave the editor with a silent server. Frames are read here first: a malformed one is
//! dropped with one line on standard error, and the rest are passed on unchanged.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};

/// The largest body read; a larger frame is skipped (a 50 MB document is 50 MB of JSON).
const MAX_BODY_BYTES: usize = 1 << 30;

/// `input` with every malformed message dropped.
pub fn well_formed(input: impl AsyncRead + Unpin + Send + 'static) -> DuplexStream {
    let (mut to_server, server_input) = tokio::io::duplex(1 << 16);
    tokio::spawn(async move {
        let mut input = BufReader::new(input);
        loop {
            let Some(length) = content_length(&mut input).await else { break };
            let Some(length) = length.filter(|&n| n <= MAX_BODY_BYTES) else {
                eprintln!("biolint lsp: dropped a message without a usable Content-Length header");
                continue;
            };
            let mut body = vec![0; length];
            if input.read_exact(&mut body).await.is_err() {
                break;
            }
            if let Err(problem) = check(&body) {
                eprintln!("biolint lsp: dropped a malformed message ({length} bytes): {problem}");
                continue;
            }
            let header = format!("Content-Length: {length}\r\n\r\n");
            let forwarded = async {
                to_server.write_all(header.as_bytes()).await?;
                to_server.write_all(&body).await
            };
            if forwarded.await.is_err() {
                break;
            }
        }
        let _ = to_server.shutdown().await;
    });
    server_input
}

/// Reads a frame's header lines up to the blank line: its Content-Length (`Some(None)` when it
/// has none that parses), or `None` at the end of the input.
async fn content_length(input: &mut (impl AsyncBufReadExt + Unpin)) -> Option<Option<usize>> {
    // Whether a Content-Length header was read, and its value if it parsed.
    let mut length: Option<Option<usize>> = None;
    let mut line = String::new();
    loop {
        line.clear();
        match input.read_line(&mut line).await {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() {
                return length;
            }
            // Blank lines between frames, or a frame without its length: read on.
            continue;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = Some(value.trim().parse().ok());
        }
    }
}

/// Whether `body` is a JSON-RPC 2.0 message tower-lsp-server can decode: an object with
/// `"jsonrpc": "2.0"`, and a string method (a request or notification) or an id (a response).
fn check(body: &[u8]) -> Result<(), String> {
    let message: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("not JSON ({e})"))?;
    let object = message.as_object().ok_or("not a JSON object")?;
    if object.get("jsonrpc").and_then(|v| v.as_str()) != Some("2.0") {
        return Err("no \"jsonrpc\": \"2.0\"".to_owned());
    }
    let id_is_valid = object
        .get("id")
        .is_none_or(|id| id.is_i64() || id.is_u64() || id.is_string() || id.is_null());
    if !id_is_valid {
        return Err("an id that is neither a number nor a string".to_owned());
    }
    match object.get("method") {
        Some(method) if method.is_string() => Ok(()),
        Some(_) => Err("a method that is not a string".to_owned()),
        None if object.contains_key("id")
            && (object.contains_key("result") || object.contains_key("error")) =>
        {
            Ok(())
        }
        None => Err("neither a method nor a response".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn what_is_passed_on() {
        assert!(check(br#"{"jsonrpc": "2.0", "id": 1, "method": "initialize"}"#).is_ok());
        assert!(check(br#"{"jsonrpc": "2.0", "method": "exit"}"#).is_ok());
        assert!(check(br#"{"jsonrpc": "2.0", "id": "a", "result": null}"#).is_ok());
        for bad in [
            &br#"{"jsonrpc": "2.0", "id": 77, "method": "#[..],
            b"not json",
            b"[1, 2]",
            b"{}",
            br#"{"jsonrpc": "1.0", "method": "x"}"#,
            br#"{"jsonrpc": "2.0", "method": 5}"#,
            br#"{"jsonrpc": "2.0", "id": {}, "method": "x"}"#,
            br#"{"jsonrpc": "2.0", "id": 78}"#,
        ] {
            assert!(check(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }
}
