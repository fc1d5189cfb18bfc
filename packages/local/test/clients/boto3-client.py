# Drives the local X-Ray with boto3: argv[1] = endpoint, argv[2] = JSON list of segment documents.
import json
import sys
import time

import boto3
import botocore.session
from botocore import UNSIGNED
from botocore.client import Config

endpoint, docs = sys.argv[1], json.loads(sys.argv[2])
xray = boto3.client("xray", endpoint_url=endpoint, region_name="us-east-1",
                    aws_access_key_id="test", aws_secret_access_key="test")
out = {}
out["put"] = xray.put_trace_segments(TraceSegmentDocuments=[json.dumps(d) for d in docs])["UnprocessedTraceSegments"]
trace_id = docs[0]["trace_id"]
now = time.time()
pages = xray.get_paginator("get_trace_summaries").paginate(
    StartTime=now - 600, EndTime=now + 60, FilterExpression='service("inventory") { fault }')
out["summaries"] = [s["Id"] for page in pages for s in page["TraceSummaries"]]
out["traces"] = [[json.loads(s["Document"])["name"] for s in t["Segments"]]
                 for t in xray.batch_get_traces(TraceIds=[trace_id])["Traces"]]
graph = xray.get_service_graph(StartTime=now - 600, EndTime=now + 60)
out["graph"] = sorted([s["Name"], s.get("Type", "")] for s in graph["Services"])
try:
    xray.batch_get_traces(TraceIds=[trace_id] * 6)
    out["error"] = None
except xray.exceptions.InvalidRequestException as e:
    out["error"] = e.response["Error"]["Message"]
rule = xray.create_sampling_rule(SamplingRule={
    "RuleName": "boto", "Priority": 5, "FixedRate": 0.1, "ReservoirSize": 1, "ServiceName": "*",
    "ServiceType": "*", "Host": "*", "HTTPMethod": "*", "URLPath": "*", "ResourceARN": "*", "Version": 1})
out["rule"] = rule["SamplingRuleRecord"]["SamplingRule"]["RuleARN"]
# the X-Ray SDK for Python's sampling poller: an unsigned botocore client (sampling/connector.py)
poller = botocore.session.get_session().create_client(
    "xray", endpoint_url=endpoint, region_name="us-east-1", config=Config(signature_version=UNSIGNED))
out["poller_rules"] = sorted(r["SamplingRule"]["RuleName"] for r in poller.get_sampling_rules()["SamplingRuleRecords"])
out["poller_targets"] = [d["RuleName"] for d in poller.get_sampling_targets(SamplingStatisticsDocuments=[{
    "RuleName": "boto", "ClientID": "0123456789abcdef01234567", "RequestCount": 1, "SampledCount": 1,
    "BorrowCount": 0, "Timestamp": now}])["SamplingTargetDocuments"]]
print(json.dumps(out))
