{{/* Chart name, cut to 63 characters. */}}
{{- define "loadstress-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: the release name, plus the chart name unless the release name contains it. */}}
{{- define "loadstress-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "loadstress-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "loadstress-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "loadstress-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "loadstress-operator.labels" -}}
helm.sh/chart: {{ include "loadstress-operator.chart" . }}
{{ include "loadstress-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: loadstress
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "loadstress-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "loadstress-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "loadstress-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* "true" when leader election runs: asked for, or more than one replica. */}}
{{- define "loadstress-operator.leaderElection" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicas) 1) }}true{{ else }}false{{ end }}
{{- end }}

{{- define "loadstress-operator.leaseName" -}}
{{- default (include "loadstress-operator.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{/*
The rules the operator needs on its own resources, in every namespace it watches. Keep in step
with operator/runtime/src/test/java/io/brighthive/loadstress/helm/KubernetesAccess.java: a test
fails when the code makes a call these rules do not allow, or when they allow more.
*/}}
{{- define "loadstress-operator.watchRules" -}}
- apiGroups: ["loadstress.brighthive.io"]
  resources: ["loadstressenvironments", "scenarioruns"]
  verbs: ["get", "list", "watch", "patch", "delete"]
- apiGroups: ["loadstress.brighthive.io"]
  resources: ["loadstressenvironments/status", "scenarioruns/status"]
  verbs: ["patch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end }}
