/** Types for the deep imports of natural that we use (its root module is slow and noisy to load). */
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  class BayesClassifier {
    addDocument(tokens: string[] | string, label: string): void;
    train(): void;
    classify(tokens: string[] | string): string;
    getClassifications(tokens: string[] | string): Array<{ label: string; value: number }>;
    static restore(data: unknown, stemmer?: unknown): BayesClassifier;
  }
  export default BayesClassifier;
}
