/** Running the product: security of the REST API and webapps, engine set-up, start-up checks, the demo organisation. */
package jp.sample.isms.system;
