/**
 * The catalog of endpoint templates teams choose from: which service, which endpoint type, in which regions,
 * which form fields the request needs and which policy it starts with. Templates are versioned: an edit
 * writes a new version and requests keep the version they were made with.
 */
package io.vpcportal.catalog;
