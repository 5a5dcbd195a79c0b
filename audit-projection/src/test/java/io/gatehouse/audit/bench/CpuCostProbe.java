package io.gatehouse.audit.bench;

import io.gatehouse.audit.auditlog.domain.LeafCodec;
import io.gatehouse.audit.auditlog.domain.LogTail;
import io.gatehouse.audit.auditlog.infra.AuditLogWriter;
import io.gatehouse.audit.verifier.MerkleHashes;
import io.gatehouse.platform.kafka.CloudEventRecords;
import io.gatehouse.platform.kafka.ConsumedEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Per-event CPU of an append without the database: parse, canonicalize, hash, tree. Run by name. */
class CpuCostProbe {
  @Test
  void probe() {
    List<ProducerRecord<String, byte[]>> recs = HistoryGenerator.records(8, 200_000);
    for (int round = 0; round < 3; round++) {
      long parse = 0, canon = 0, tree = 0;
      LogTail tail = LogTail.empty();
      for (ProducerRecord<String, byte[]> r : recs) {
        ConsumerRecord<String, byte[]> c = new ConsumerRecord<>(r.topic(), 0, 0, 0L,
            org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, r.key(), r.value(), r.headers(),
            java.util.Optional.empty());
        long a = System.nanoTime();
        ConsumedEvent e = CloudEventRecords.parse(c);
        long b = System.nanoTime();
        byte[] leaf = LeafCodec.canonical(AuditLogWriter.incoming(e).event());
        long d = System.nanoTime();
        tail.append(MerkleHashes.leafHash(leaf));
        tail.drainChanged();
        long f = System.nanoTime();
        parse += b - a; canon += d - b; tree += f - d;
      }
      tail.root();
      System.out.printf("per event: parse %.1f us, canonical %.1f us, hash+tree %.1f us%n",
          parse / 1e3 / recs.size(), canon / 1e3 / recs.size(), tree / 1e3 / recs.size());
    }
  }
}
