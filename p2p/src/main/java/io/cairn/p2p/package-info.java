/** Placeholder until the module's first code lands. */
package io.cairn.p2p;
