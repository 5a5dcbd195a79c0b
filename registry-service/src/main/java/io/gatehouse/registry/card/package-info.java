/** Model cards: their sections, what each risk tier requires, import from Hugging Face and Model Card Toolkit, export. */
package io.gatehouse.registry.card;
