// SPDX-License-Identifier: MIT
#include "KindRecognizer.h"

#include "Catalog.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace mls {

namespace {

struct Name
{
    const char *phrases; ///< '|'-separated, lower case, words separated by spaces
    const char *kind;
    double weight; ///< product names ~4-5, roles ~3-6, weak hints 1-2
};

// The name table. Product names come first per kind; a phrase may name several kinds with
// different weights (Redis: a cache first, an online feature store second).
const Name names[] = {
    {"user|users|end user|end users|customer|customers|browser|web app|webapp|mobile|mobile app|"
     "web client|client app|streamlit|gradio|chat ui|player|visitor",
     "client", 4},
    {"client|frontend|front end|ui|producer|producers|bot|telegram|slack|discord|app", "client", 2},
    {"api gateway|gateway|nginx|kong|envoy|traefik|load balancer|ingress|bff|haproxy|"
     "apigee|reverse proxy",
     "api_gateway", 4},
    {"api|rest api|rest|backend|fastapi|flask|django|express|graphql|grpc|auth|web server|"
     "server|proxy|lb|router|orchestrator",
     "api_gateway", 2},
    {"kafka|kinesis|pubsub|pub sub|pulsar|rabbitmq|sqs|redpanda|event hub|eventhub|nats|"
     "event stream|event bus|message queue|message broker|task queue|event log",
     "event_stream", 4.5},
    {"queue|broker|brokers|topic|topics|stream|celery|mq|zookeeper|controller", "event_stream", 2},
    {"schema registry", "event_stream", 5},
    {"flink|spark streaming|structured streaming|kafka streams|stream processing|"
     "stream processor|streaming job|beam|storm|ksql|ksqldb|samza|materialize",
     "stream_processor", 4.5},
    {"streaming|join|joiner|enrich|enrichment|logstash|consumer|windowing", "stream_processor", 2},
    {"airflow|dbt|etl|elt|dataflow|dag|glue|hadoop|mapreduce|prefect|dagster|luigi|"
     "batch job|batch etl|data pipeline|data validation|great expectations",
     "batch_etl", 4},
    {"spark|batch|pipeline|preprocess|preprocessing|pre processing|ingestion|ingest|ingestor|"
     "scraper|crawler|cron|scheduler|orchestration|worker|loader|transform|cleaning|parse|"
     "parser|chunking|chunker|splitter|job|jobs",
     "batch_etl", 2},
    {"data lake|datalake|lakehouse|warehouse|data warehouse|bigquery|snowflake|redshift|"
     "delta lake|iceberg|hive|hdfs|athena|databricks|clickhouse",
     "data_lake", 4.5},
    {"lake|parquet|delta|history|historical|archive", "data_lake", 2},
    {"raw data", "data_lake", 4.5},
    {"postgres|postgresql|mysql|mariadb|mongodb|mongo|cassandra|dynamodb|rds|sqlite|cockroachdb|"
     "spanner|oracle db|sql server|relational db|relational database|supabase|firestore|"
     "aurora|scylla|scylladb",
     "oltp_db", 4.5},
    {"database|db|sql|relational|jobdb|mysql db", "oltp_db", 2.5},
    {"metadata", "oltp_db", 1},
    {"s3|minio|gcs|azure blob|blob storage|object storage|object store|bucket|buckets|"
     "file store|filestore|artifact store|cloud storage|hf hub|container registry",
     "object_store", 4.5},
    {"storage|blob|artifacts|artifact|files|file|documents|docs|pdf|pdfs|images|videos|"
     "markdown|md|dataset|datasets|data",
     "object_store", 1.5},
    {"redis|memcached|aerospike|elasticache|valkey|alluxio|dragonfly", "cache", 4},
    {"cache|caching|cached", "cache", 4},
    {"feature engineering|feature pipeline|feature pipelines|feature computation|"
     "feature transform|feature transforms|feature job|features job|point in time|pit",
     "feature_pipeline", 5},
    {"feature store|feast|tecton|hopsworks|featureform|feature registry|feature repo",
     "feature_store", 5},
    {"features|feature", "feature_store", 1},
    {"offline store|offline feature store|offline features|offline feature",
     "offline_feature_store", 6.5},
    {"online store|online feature store|online features|online feature|feature cache",
     "online_feature_store", 6.5},
    {"redis", "online_feature_store", 2},
    {"label studio|labelbox|labeling|labelling|annotation|annotations|annotator|human review|"
     "scale ai|ground truth|feedback|user feedback|human in the loop",
     "labeling", 4.5},
    {"trainer|training|train|retraining|retrain|fine tune|finetune|fine tuning|fine-tuning|"
     "model training|training job|training pipeline|sagemaker training",
     "trainer", 4},
    {"pytorch|tensorflow|keras|xgboost|lightgbm|catboost|sklearn|scikit learn|random forest|"
     "randomforest|extra trees|extratrees|gradient boosting|histgradientboosting|gpu|gpus|"
     "kubeflow|trn|persistence|baseline|model fit|ray train",
     "trainer", 2.5},
    {"evaluation|evaluate|evaluator|eval|evals|backtest|backtesting|walk forward|walkforward|"
     "release gate|quality gate|champion|challenger|governance|model validation",
     "evaluation", 4.5},
    {"validation|validate|val|gate|benchmark|test|testing|approval", "evaluation", 2},
    {"model registry|mlflow|wandb|weights biases|weights and biases|model store|model repository|"
     "model repo|vertex ai model registry|sagemaker registry|sagemakerregistry|model hub",
     "model_registry", 5},
    {"registry|reg|neptune|comet|model artifacts|model artifact|versioning", "model_registry", 3},
    {"embedding|embeddings|embedder|embed|encoder|clip|sentence transformers|"
     "sentence transformer|vectorizer|vectorize|two tower|text embedding|emb|bge|e5",
     "embedding_model", 4},
    {"vector db|vector database|vector store|vector search|vectordb|vectorstore|milvus|"
     "pinecone|faiss|weaviate|qdrant|chroma|chromadb|pgvector|lancedb|ann index|hnsw|annoy|"
     "scann|vector index",
     "vector_db", 5},
    {"vector|vectors|ann|similarity search|vs", "vector_db", 2.5},
    {"elasticsearch|elastic search|opensearch|solr|lucene|bm25|search index|inverted index|"
     "full text|keyword search|typesense|meilisearch|vespa|docstore|doc store|document store",
     "search_index", 5},
    {"elastic|es|sparse|search|index|keyword", "search_index", 2},
    {"candidate generation|candidate retrieval|retriever|retrieval|retrieve|candidates|"
     "candidate|recall|hybrid search|hybrid retrieval",
     "candidate_generation", 4},
    {"fusion|rrf|reciprocal rank fusion|merge|merger", "candidate_generation", 2},
    {"ranker|ranking|learning to rank|ltr|ctr|ctr model|scorer|scoring model", "ranking", 4.5},
    {"rank|score|scoring|recommender|recommendation|recommendations|recsys", "ranking", 2},
    {"rerank|reranker|re rank|re ranker|re ranking|reranking|cross encoder|cohere rerank|mmr|"
     "diversification|business rules|policy filter",
     "reranking", 5},
    {"filter|filtering|dedup|combine rank", "reranking", 2},
    {"model server|model serving|inference server|inference service|inference api|triton|"
     "tf serving|tfserving|torchserve|kserve|bentoml|seldon|ray serve|sagemaker endpoint|"
     "sagemakerendpoint|prediction api|prediction service|model api|ml api|predictor|"
     "scoring service|onnx runtime",
     "model_server", 5},
    {"inference|serving|endpoint|predict|prediction|model|classifier|detector|sentiment|"
     "fraud model|scoring api|fastapi|bert|distilbert|roberta",
     "model_server", 2},
    {"batch inference|batch prediction|batch predictions|batch scoring|offline scoring|"
     "batch transform|bulk inference|offline inference",
     "batch_inference", 6},
    {"prediction store|predictions store|prediction cache|precomputed|precomputed predictions|"
     "predictions db|predictions table|recommendation store",
     "prediction_store", 6},
    {"a b|ab test|ab testing|a b test|a b testing|experiment|experiments|experimentation|"
     "optimizely|statsig|launchdarkly|feature flag|feature flags|traffic split|bandit|canary|"
     "split test",
     "experimentation", 5},
    {"llm|llms|gpt|gpt4|gpt 4|openai|chatgpt|claude|anthropic|llama|mistral|gemini|ollama|"
     "vllm|tgi|language model|large language model|bedrock|azure openai|generator|"
     "llm service|llm api|generative model|genai|gen ai",
     "llm_service", 5},
    {"generation|generate|completion|chat|prompt|answer|answering|huggingface|hugging face|"
     "langchain|llamaindex|rag|qa",
     "llm_service", 2},
    {"prometheus|grafana|monitoring|monitor|alertmanager|evidently|whylabs|arize|datadog|"
     "cloudwatch|kibana|observability|alerting|alerts|alert|drift|drift detection|"
     "jaeger|opentelemetry|sentry|new relic|loki|tensorboard|fiddler|nannyml|pagerduty",
     "monitoring", 5},
    {"metrics|logs|logging|log|dashboard|dashboards|tracing|telemetry|health|reporting|report",
     "monitoring", 2.5},
    {"kubernetes|k8s|docker|github|gitlab|ci|cd|ci cd|terraform|helm|argo|jenkins|"
     "microservice|service|services|lambda|cloud run|compute",
     "service", 1},
};

} // namespace

KindRecognizer::KindRecognizer(const Catalog &catalog) : m_catalog(catalog)
{
    for (const Name &n : names) {
        for (const QString &p : QString::fromLatin1(n.phrases).split(QLatin1Char('|')))
            add(p, QString::fromLatin1(n.kind), n.weight);
    }
    // "<ML task> API/service": a model behind an endpoint ("Fraud API", "Sentiment service").
    for (const char *task :
         {"sentiment", "prediction", "predict", "fraud", "scoring", "score", "inference",
          "classification", "classifier", "recommendation", "detection", "ml", "ai", "nlp",
          "vision", "ocr", "forecast", "forecasting", "model"}) {
        for (const char *front : {"api", "service", "endpoint", "server"})
            add(QString::fromLatin1(task) + QLatin1Char(' ') + QString::fromLatin1(front),
                QStringLiteral("model_server"), 4);
    }
    // The products the palette's search finds in each kind's description ("Examples include
    // Kafka, Kinesis, Pub/Sub and Pulsar."), where the table above does not name them already:
    // one list of products for the palette and the importer.
    QSet<QString> known;
    for (const Entry &e : std::as_const(m_entries))
        known.insert(e.phrase);
    for (const KindInfo &k : catalog.kinds()) {
        if (k.id == QLatin1String(genericService) || k.id == QLatin1String(genericStore))
            continue;
        for (const QString &product : exampleProducts(k.description)) {
            if (!known.contains(QLatin1Char(' ') + plainPhrase(product) + QLatin1Char(' ')))
                add(product, k.id, 3);
        }
    }
    // The catalog's own names: "Vector DB", "Model server", "Online feature store"… (not the
    // generic kinds: "service" in a name says nothing).
    for (const KindInfo &k : catalog.kinds()) {
        if (k.id == QLatin1String(genericService) || k.id == QLatin1String(genericStore))
            continue;
        add(k.label, k.id, 6);
        add(QString(k.id).replace(QLatin1Char('_'), QLatin1Char(' ')), k.id, 5);
        m_kindLabels.insert(k.label.toLower(), k.id);
    }
}

const KindRecognizer &KindRecognizer::builtin()
{
    static const KindRecognizer recognizer(Catalog::builtin()); // a thread-safe static
    return recognizer;
}

QString KindRecognizer::plainPhrase(const QString &phrase)
{
    QString plain = phrase.toLower();
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    plain.replace(nonWord, QStringLiteral(" "));
    return plain.simplified();
}

QStringList KindRecognizer::exampleProducts(const QString &description)
{
    // "… Examples include Kafka, Kinesis, Pub/Sub and Pulsar." → Kafka, Kinesis, Pub/Sub,
    // Pulsar. Only short names: "a partner calling your public API" is no product.
    static const QRegularExpression sentence(QStringLiteral("Examples include ([^.]*)"));
    const QRegularExpressionMatch m = sentence.match(description);
    if (!m.hasMatch())
        return {};
    static const QRegularExpression separators(QStringLiteral(",| and | or "));
    static const QRegularExpression article(QStringLiteral("^(a|an|the) "),
                                            QRegularExpression::CaseInsensitiveOption);
    QStringList products;
    for (QString part : m.captured(1).split(separators, Qt::SkipEmptyParts)) {
        part = part.trimmed().remove(article);
        if (!part.isEmpty() && part.count(QLatin1Char(' ')) < 3)
            products << part;
    }
    return products;
}

void KindRecognizer::add(const QString &phrase, const QString &kind, double weight)
{
    if (!m_catalog.kind(kind))
        return; // a kind this catalog does not have (never in the built-in one)
    const QString plain = plainPhrase(phrase);
    if (plain.isEmpty())
        return;
    const QStringList words = plain.split(QLatin1Char(' '));
    m_byFirstWord[words.constFirst()] << int(m_entries.size());
    m_entries.append({QLatin1Char(' ') + plain + QLatin1Char(' '), words, kind, weight});
}

QString KindRecognizer::haystack(const QString &text)
{
    // One pass, no regular expressions (it runs for every imported node): the split form
    // breaks "SageMakerEndpoint" and "S3Bucket" into words, the whole form keeps them.
    QString split = QStringLiteral(" ");
    QString whole = QStringLiteral(" ");
    split.reserve(text.size() * 2 + 4);
    whole.reserve(text.size() + 2);
    auto plain = [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 128; };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!plain(c)) {
            if (!split.endsWith(QLatin1Char(' ')))
                split += QLatin1Char(' ');
            if (!whole.endsWith(QLatin1Char(' ')))
                whole += QLatin1Char(' ');
            continue;
        }
        const QChar prev = i > 0 ? text.at(i - 1) : QChar();
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        const bool boundary = plain(prev) && ((c.isUpper() && (prev.isLower() || prev.isDigit())) ||
                                              (c.isUpper() && prev.isUpper() && next.isLower()) ||
                                              (c.isDigit() && prev.isLetter()));
        if (boundary && !split.endsWith(QLatin1Char(' ')))
            split += QLatin1Char(' ');
        split += c.toLower();
        whole += c.toLower();
    }
    if (!split.endsWith(QLatin1Char(' ')))
        split += QLatin1Char(' ');
    if (!whole.endsWith(QLatin1Char(' ')))
        whole += QLatin1Char(' ');
    return split + QStringLiteral("|") + whole;
}

void KindRecognizer::score(const QString &hay, const QString &seen, double factor,
                           QHash<QString, double> &scores) const
{
    // The two forms of haystack() are scored apart and each kind keeps the better one, so
    // "PostgreSQL" counts as "postgresql" or as "postgre sql", never as both.
    const qsizetype bar = hay.indexOf(QLatin1String(" | "));
    const QStringList forms{hay.left(bar + 1), hay.mid(bar + 2)};
    QHash<QString, double> best;
    for (const QString &form : forms) {
        QHash<QString, double> part;
        const QStringList words = form.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QSet<int> matched; // each phrase counts once
        for (int i = 0; i < words.size(); ++i) {
            for (int index : m_byFirstWord.value(words[i])) {
                const Entry &e = m_entries[index];
                if (i + e.words.size() > words.size() || matched.contains(index))
                    continue;
                bool all = true;
                for (int k = 1; k < e.words.size() && all; ++k)
                    all = words[i + k] == e.words[k];
                if (all && !seen.contains(e.phrase)) {
                    matched.insert(index);
                    part[e.kind] += e.weight * factor;
                }
            }
        }
        for (auto it = part.cbegin(); it != part.cend(); ++it)
            best[it.key()] = std::max(best.value(it.key()), it.value());
    }
    for (auto it = best.cbegin(); it != best.cend(); ++it)
        scores[it.key()] += it.value();
}

KindRecognizer::Guess KindRecognizer::recognise(const QString &id, const QString &label,
                                                const QString &context, bool cylinder) const
{
    // The exporters write "Label\nKind label": a last line naming a kind is the kind.
    const QStringList lines = label.split(QLatin1Char('\n'));
    if (lines.size() > 1) {
        const QString kind = m_kindLabels.value(lines.constLast().trimmed().toLower());
        if (!kind.isEmpty() && kind != QLatin1String(genericService) &&
            kind != QLatin1String(genericStore))
            return {kind, 100, true};
    }
    QHash<QString, double> scores;
    const QString labelHay = haystack(label);
    score(labelHay, {}, 1.0, scores);
    // The id mostly repeats or abbreviates the label: it only adds what the label lacks.
    if (label.compare(id, Qt::CaseInsensitive) != 0)
        score(haystack(id), labelHay, 0.6, scores);
    if (!context.isEmpty())
        score(haystack(context), labelHay, 0.5, scores);
    if (cylinder) { // drawn as a database: stores win ties
        for (const char *store : {"oltp_db", "data_lake", "object_store", "cache", "vector_db",
                                  "search_index", "feature_store", "online_feature_store",
                                  "offline_feature_store", "prediction_store"}) {
            const auto it = scores.find(QString::fromLatin1(store));
            if (it != scores.end())
                *it += 1;
        }
    }
    Guess guess;
    for (const KindInfo &k : m_catalog.kinds()) { // catalog order breaks ties
        const double s = scores.value(k.id);
        if (s > guess.score) {
            guess = {k.id, s};
        }
    }
    const QString generic = QString::fromLatin1(cylinder ? genericStore : genericService);
    if (guess.score < 2 || guess.kind == QLatin1String(genericService) ||
        guess.kind == QLatin1String(genericStore))
        return {m_catalog.kind(generic) ? generic : QString(), 0};
    return guess;
}

} // namespace mls
