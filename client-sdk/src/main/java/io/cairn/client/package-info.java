/** The Cairn client SDK: the pipeline that turns a file into verifiable shards and back. */
package io.cairn.client;
