// The /docs page (docs/api.md, "The API describes itself"): Swagger UI from its webjar renders
// /openapi.json. This module is the initialiser, so the page runs no inline script (PagePolicy).
/* global SwaggerUIBundle */
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#api-docs',
  deepLinking: true,
  // No "Try it out" calls to the validator service on the internet; requests stay on this origin.
  validatorUrl: null,
});
