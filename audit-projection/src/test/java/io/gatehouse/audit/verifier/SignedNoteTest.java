package io.gatehouse.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

  // The example of the C2SP signed-note specification and Go's sumdb/note (public test data).
  private static final String PETER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
      + "then you don't know what your problem is.\n";
  private static final String NOTE = TEXT + "\n\u2014 PeterNeumann "
      + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  @Test
  void verifiesTheSpecificationsExampleNote() throws Exception {
    NoteKeys.VerifierKey key = NoteKeys.parseVerifierKey(PETER);
    assertThat(key.name()).isEqualTo("PeterNeumann");
    assertThat(key.keyId()).isEqualTo(0xc74f20a3);
    assertThat(key.encode()).isEqualTo(PETER);
    assertThat(SignedNote.verify(NOTE, key)).isEqualTo(TEXT);
  }

  @Test
  void rejectsAnAlteredTextOrAKeyWhoseIdDoesNotMatch() throws Exception {
    NoteKeys.VerifierKey key = NoteKeys.parseVerifierKey(PETER);
    assertThatThrownBy(() -> SignedNote.verify(NOTE.replace("answer", "Answer"), key))
        .isInstanceOf(ProofException.class).hasMessageContaining("does not verify");
    assertThatThrownBy(() -> NoteKeys.parseVerifierKey(PETER.replace("c74f20a3", "c74f20a4")))
        .isInstanceOf(ProofException.class).hasMessageContaining("id does not match");
    assertThatThrownBy(() -> SignedNote.verify(NOTE.replace("\u2014", "-"), key)).isInstanceOf(ProofException.class);
  }

  @Test
  void signsCheckpointsThatVerifyWithOnlyThePublicKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] raw = NoteKeys.raw(pair.getPublic());
    String name = "gatehouse.example/audit";
    int id = NoteKeys.keyId(name, raw);
    Checkpoint cp = new Checkpoint(name, 42, MerkleHashes.leafHash(new byte[] {1}), java.util.List.of());
    String note = SignedNote.sign(cp.text(), name, id, pair.getPrivate());
    NoteKeys.VerifierKey vkey = NoteKeys.parseVerifierKey(new NoteKeys.VerifierKey(name, id, raw).encode());

    Checkpoint back = Checkpoint.verify(note, vkey);
    assertThat(back.treeSize()).isEqualTo(42);
    assertThat(back.rootHash()).isEqualTo(cp.rootHash());
    assertThat(note).startsWith(name + "\n42\n" + Base64.getEncoder().encodeToString(cp.rootHash()) + "\n\n\u2014 ");

    assertThatThrownBy(() -> Checkpoint.verify(note.replace("\n42\n", "\n43\n"), vkey))
        .isInstanceOf(ProofException.class);
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String forged = SignedNote.sign(cp.text(), name, id, other.getPrivate());
    assertThatThrownBy(() -> Checkpoint.verify(forged, vkey)).isInstanceOf(ProofException.class);
  }
}
