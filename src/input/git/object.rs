//! Git object ids worked out here: a blob's id is the hash of a short header and its bytes, so
//! bytes already at hand can be matched to a revision's blob without reading the blob.

use sha2::Digest;

/// Whether `bytes` are the blob whose id is `object`: hex, SHA-1 or, in a repository that uses
/// SHA-256 object names, SHA-256. An id of another length matches nothing.
pub fn is_blob(bytes: &[u8], object: &str) -> bool {
    let header = format!("blob {}\0", bytes.len());
    let digest = match object.len() {
        40 => sha1::Sha1::new()
            .chain_update(&header)
            .chain_update(bytes)
            .finalize()
            .to_vec(),
        64 => sha2::Sha256::new()
            .chain_update(&header)
            .chain_update(bytes)
            .finalize()
            .to_vec(),
        _ => return false,
    };
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    hex.eq_ignore_ascii_case(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_ids_are_the_hashes_git_gives() {
        // `git hash-object` of an empty file and of "hello\n", in SHA-1 and SHA-256 repositories.
        assert!(is_blob(b"", "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"));
        assert!(is_blob(
            b"hello\n",
            "ce013625030ba8dba906f756967f9e9ca394464a"
        ));
        assert!(is_blob(
            b"hello\n",
            "CE013625030BA8DBA906F756967F9E9CA394464A"
        ));
        assert!(is_blob(
            b"",
            "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813"
        ));
    }

    #[test]
    fn other_bytes_or_ids_do_not_match() {
        assert!(!is_blob(
            b"hello",
            "ce013625030ba8dba906f756967f9e9ca394464a"
        ));
        assert!(!is_blob(
            b"hello\r\n",
            "ce013625030ba8dba906f756967f9e9ca394464a"
        ));
        assert!(!is_blob(b"", "e69de29bb2d1d6434b8b29ae775ad8c2e48c539"));
        assert!(!is_blob(b"", ""));
    }
}
