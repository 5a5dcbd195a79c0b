/** REST: the standalone evaluation of an uploaded file. */
package io.gatehouse.validation.evaluation.web;
