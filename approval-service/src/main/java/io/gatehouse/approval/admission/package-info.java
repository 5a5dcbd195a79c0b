/** Deploy-time admission: is this artifact of this version approved for this stage, and why not. */
package io.gatehouse.approval.admission;
