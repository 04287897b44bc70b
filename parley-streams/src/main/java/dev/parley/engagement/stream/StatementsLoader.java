package dev.parley.engagement.stream;

import dev.parley.avro.ReprintedStatement;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global statements store equal to parley.statements (tombstones delete). */
final class StatementsLoader implements Processor<String, ReprintedStatement, Void, Void> {

    private KeyValueStore<String, ReprintedStatement> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(EngagementMergeProcessor.STATEMENTS_STORE);
    }

    @Override
    public void process(Record<String, ReprintedStatement> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
