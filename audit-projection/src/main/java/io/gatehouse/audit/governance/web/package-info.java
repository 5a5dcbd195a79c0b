/** REST views for governance boards, the state of a model at an instant, and evidence packs. */
package io.gatehouse.audit.governance.web;
