/**
 * A parameter decorator enhancer that applies a method decorator (an OpenAPI declaration) to the
 * handler whose parameter it decorates: a parameter decorator such as `@IfMatch()` reads a
 * header, and the same decorator declares that header in the document, so that no route can
 * read it without declaring it.
 */
export function declareOnHandler(decorator: MethodDecorator): ParameterDecorator {
  return (target, key) => {
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) decorator(target, key, descriptor);
  };
}
