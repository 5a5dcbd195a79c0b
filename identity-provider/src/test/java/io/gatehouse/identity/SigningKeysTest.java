package io.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  @TempDir
  Path dir;

  @Test
  void createsAnOwnerOnlyRs256KeyFileOnceAndReusesIt() throws Exception {
    Path file = dir.resolve("state/idp/signing-key.json");

    JWKSet first = SigningKeys.loadOrCreate(file);

    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(first.getKeys()).singleElement().isInstanceOfSatisfying(RSAKey.class, key -> {
      assertThat(key.isPrivate()).isTrue();
      assertThat(key.size()).isEqualTo(2048);
      assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
      assertThat(key.getKeyID()).isNotBlank();
    });
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }

    JWKSet again = SigningKeys.loadOrCreate(file);

    assertThat(again.getKeys().get(0).getKeyID()).isEqualTo(first.getKeys().get(0).getKeyID());
    assertThat(((RSAKey) again.getKeys().get(0)).toRSAPublicKey())
        .isEqualTo(((RSAKey) first.getKeys().get(0)).toRSAPublicKey());
  }

  @Test
  void aDamagedFileIsReportedWithWhatToDo() throws Exception {
    Path file = dir.resolve("signing-key.json");
    Files.writeString(file, "{not json");

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("Delete it to generate a new key");
  }

  @Test
  void aPublicKeyAloneCannotSign() throws Exception {
    Path file = dir.resolve("signing-key.json");
    JWKSet generated = SigningKeys.loadOrCreate(dir.resolve("other.json"));
    Files.writeString(file, generated.toString(true));

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RSA private keys");
  }
}
