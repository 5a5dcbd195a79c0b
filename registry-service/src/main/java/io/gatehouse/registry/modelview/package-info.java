/** The read model of models and versions (tables *_view), rebuilt from the event store by replay. */
package io.gatehouse.registry.modelview;
