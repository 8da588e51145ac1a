package takehome

import "strings"

// The library knowledge the leakage analysis runs on: which classes are
// preprocessors, resamplers, splitters, searches and models; which functions
// split, concatenate, compute statistics or score. Names are matched on their
// last dotted part, so sklearn.preprocessing.StandardScaler and
// StandardScaler are the same.

type estKind uint8

const (
	estModel     estKind = iota // anything fitted and then asked to predict
	estPreproc                  // unsupervised: scalers, imputers, encoders, vectorizers, PCA
	estSelector                 // feature selection; supervised when fitted with a target
	estTargetEnc                // target encoders: always supervised
	estResampler                // oversamplers: duplicate or synthesise rows
	estAugment                  // Keras ImageDataGenerator
	estSplitter                 // KFold and friends
	estSearch                   // hyper-parameter searches with internal CV
	estPipeline                 // Pipeline, make_pipeline
	estDummy                    // DummyClassifier, DummyRegressor: baselines
)

var estClasses = map[string]estKind{}

func init() {
	add := func(k estKind, names string) {
		for _, n := range strings.Fields(names) {
			estClasses[n] = k
		}
	}
	add(estPreproc, `StandardScaler MinMaxScaler MaxAbsScaler RobustScaler QuantileTransformer
		PowerTransformer KBinsDiscretizer SimpleImputer IterativeImputer KNNImputer Imputer MissingIndicator
		PCA TruncatedSVD KernelPCA IncrementalPCA SparsePCA FactorAnalysis FastICA NMF TSNE UMAP Isomap
		LocallyLinearEmbedding LatentDirichletAllocation CountVectorizer TfidfVectorizer TfidfTransformer
		DictVectorizer Tokenizer TextVectorization Normalization OneHotEncoder OrdinalEncoder LabelEncoder
		LabelBinarizer MultiLabelBinarizer CountEncoder CountFrequencyEncoder FunctionTransformer
		ColumnTransformer make_column_transformer FeatureUnion SplineTransformer PolynomialFeatures
		DataFrameMapper`)
	add(estSelector, `SelectKBest SelectPercentile RFE RFECV SelectFromModel SequentialFeatureSelector
		GenericUnivariateSelect SelectFpr SelectFdr SelectFwe VarianceThreshold BorutaPy Boruta`)
	add(estTargetEnc, `TargetEncoder CatBoostEncoder JamesSteinEncoder MEstimateEncoder WOEEncoder
		LeaveOneOutEncoder GLMMEncoder QuantileEncoder SummaryEncoder`)
	add(estResampler, `SMOTE SMOTENC SMOTEN ADASYN BorderlineSMOTE SVMSMOTE KMeansSMOTE RandomOverSampler
		SMOTETomek SMOTEENN`)
	add(estAugment, `ImageDataGenerator`)
	add(estSplitter, `KFold StratifiedKFold GroupKFold RepeatedKFold RepeatedStratifiedKFold ShuffleSplit
		StratifiedShuffleSplit GroupShuffleSplit TimeSeriesSplit LeaveOneOut LeavePOut StratifiedGroupKFold`)
	add(estSearch, `GridSearchCV RandomizedSearchCV HalvingGridSearchCV HalvingRandomSearchCV BayesSearchCV
		TuneSearchCV TuneGridSearchCV`)
	add(estPipeline, `Pipeline make_pipeline`)
	add(estDummy, `DummyClassifier DummyRegressor`)
	// PolynomialFeatures, SplineTransformer and FunctionTransformer learn
	// nothing from the rows' values that matters; they stay preprocessors
	// for the data flow but never taint (see learnsFromRows).
}

// learnsFromRows is false for transformers whose fit sees only the shape.
func learnsFromRows(class string) bool {
	switch class {
	case "PolynomialFeatures", "FunctionTransformer", "SplineTransformer", "MissingIndicator":
		return false
	}
	return true
}

// alwaysShuffled splitters shuffle whatever their arguments.
func alwaysShuffled(class string) bool {
	switch class {
	case "ShuffleSplit", "StratifiedShuffleSplit", "GroupShuffleSplit":
		return true
	}
	return false
}

// setOf builds a set from space-separated names.
func nameSet(names string) map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(names) {
		m[n] = true
	}
	return m
}

var (
	// statMethods compute a statistic over the rows of their receiver.
	statMethods = nameSet(`mean median std var quantile mode nanmean nanmedian`)
	// groupStatMethods aggregate over the rows of a group-by.
	groupStatMethods = nameSet(`mean median std var sum count size nunique min max quantile agg aggregate first last prod`)
	// npStats are numpy and pandas functions that reduce over rows.
	npStats = nameSet(`mean median std var percentile quantile nanmean nanmedian nanstd nanvar average nanpercentile nanquantile`)
	// scaleFuncs transform using statistics of all rows passed in.
	scaleFuncs = nameSet(`scale minmax_scale robust_scale maxabs_scale quantile_transform power_transform`)
	// lagMethods build features from neighbouring rows in time.
	lagMethods = nameSet(`shift rolling diff pct_change expanding ewm`)
	// windowMethods return window objects whose statistics are local.
	windowMethods = nameSet(`rolling expanding ewm resample`)
	// rowSubsetMethods return a subset of their receiver's rows.
	rowSubsetMethods = nameSet(`sample head tail query dropna drop_duplicates nlargest nsmallest`)
	// predictMethods produce predictions from a fitted model.
	predictMethods = nameSet(`predict predict_proba predict_log_proba decision_function predict_classes`)
	// metricFuncs score predictions against truth.
	metricFuncs = nameSet(`accuracy_score balanced_accuracy_score f1_score fbeta_score precision_score recall_score
		roc_auc_score average_precision_score log_loss mean_squared_error root_mean_squared_error
		mean_absolute_error median_absolute_error mean_absolute_percentage_error mean_squared_log_error
		r2_score explained_variance_score classification_report confusion_matrix matthews_corrcoef
		cohen_kappa_score jaccard_score hamming_loss precision_recall_fscore_support brier_score_loss
		top_k_accuracy_score zero_one_loss d2_absolute_error_score ndcg_score`)
	// cvFuncs evaluate an estimator with internal cross-validation.
	cvFuncs = nameSet(`cross_val_score cross_validate cross_val_predict learning_curve validation_curve permutation_test_score`)
	// concatFuncs stack rows of several datasets.
	concatFuncs = nameSet(`concat concatenate vstack row_stack r_ append`)
	// readFuncs load a fresh dataset.
	readFuncs = nameSet(`read_csv read_parquet read_excel read_json read_table read_feather read_sql read_pickle
		load loadtxt genfromtxt fetch_openml load_iris load_breast_cancer load_diabetes load_wine load_digits
		fetch_california_housing make_classification make_regression make_blobs make_moons load_dataset`)
)

// lastName is the last dotted part of a name.
func lastName(dotted string) string {
	if i := strings.LastIndexByte(dotted, '.'); i >= 0 {
		return dotted[i+1:]
	}
	return dotted
}

// roleHint reads a variable name the way a reviewer does: X_test is test
// data, X_val validation, X_tr training.
func roleHint(name string) role {
	name = strings.ToLower(name)
	tokens := strings.FieldsFunc(name, func(r rune) bool { return r == '_' || (r >= '0' && r <= '9') })
	var hint role
	for _, t := range tokens {
		switch t {
		case "test", "tst", "te", "testing", "holdout", "hold", "heldout", "unseen":
			return roleTest
		case "val", "valid", "validation", "dev", "vl", "eval":
			hint = roleVal
		case "train", "tr", "trn", "training":
			if hint == roleNone {
				hint = roleTrain
			}
		}
	}
	if hint == roleNone {
		switch {
		case strings.HasPrefix(name, "test") || strings.HasSuffix(name, "test"):
			return roleTest
		case strings.HasPrefix(name, "val") || strings.HasSuffix(name, "val") || strings.HasSuffix(name, "valid"):
			return roleVal
		case strings.HasPrefix(name, "train") || strings.HasSuffix(name, "train"):
			return roleTrain
		}
	}
	return hint
}
