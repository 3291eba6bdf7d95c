/**
 * The shape of a trained logistic-regression model as deboil ships them
 * (`src/model/*.json`, written by `npm run train`): the line classifier's
 * and the model of line breaks. A feature vector x scores
 * σ(bias + Σ weights[k] · (x[k] − mean[k]) / scale[k]).
 */
export interface LogisticModel {
  /** Names of the features, in vector order. */
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** The default decision threshold on the probability. */
  threshold: number;
  /** How the model was made (sets, documents), for people who read the file. */
  about?: string;
}
