/** SHA-256 through Utilities.computeDigest (no scope needed): the audit log's hash chain. */
import { hexOfBytes } from '../domain/audit-chain';

export function sha256Hex(text: string): string {
  return hexOfBytes(
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8),
  );
}
